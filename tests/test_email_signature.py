"""CASL: every email to a person outside the staff ends with the sender's signature, which
gives each office's full postal address (consortium.messaging.sender). Walks every email
template of every app, so a new one without it fails here."""

from pathlib import Path

from django.template.loader import get_template

from tests.architecture import ROOT

SIGNATURE = '{% include "consortium/email/signature.txt" %}'
# Notices to staff (a team, a reviewer, the committee): not commercial messages.
STAFF_NOTICES = {
    "services/email/team.txt",
    "services/email/assignment.txt",
    "membership/email/committee.txt",
    "membership/email/assignment.txt",
    "membership/email/info_received.txt",
    "members/email/member_correction.txt",
}


def email_templates() -> list[str]:
    names = []
    for path in ROOT.glob("*/templates/*/email/*.txt"):
        if ".venv" in path.parts or path.name.endswith("_subject.txt"):
            continue
        names.append(str(Path(*path.parts[-3:])))
    return sorted(names)


def test_every_email_to_a_person_is_signed_with_the_postal_addresses():
    names = email_templates()
    assert len(names) > 20 and "newsletter/email/confirmation.txt" in names
    unsigned = []
    for name in names:
        if name in STAFF_NOTICES or name.endswith(("/_signature.txt", "/signature.txt")):
            continue
        source = get_template(name, using="text").template.source
        if SIGNATURE not in source and "newsletter/email/_signature.txt" not in source:
            unsigned.append(name)
    assert unsigned == []
    assert set(names) >= STAFF_NOTICES  # the exceptions still exist
