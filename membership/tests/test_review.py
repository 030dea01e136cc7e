"""What follows the committee's actions: the emails (content, language, only after commit),
assignment, internal notes, and the applicant's personal link for more information (valid,
expired, reused, forged)."""

import datetime
import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consortium.models import OrganisationSettings
from members.models import Member
from membership.actions import add_note, assign, change_status
from membership.choices import Status
from membership.links import link_token
from membership.models import InfoRequest, MembershipApplication, Notification
from membership.tests.conftest import pdf
from membership.workflow import ASSIGNED, STATUS_CHANGED

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee_email(site_tree):
    settings = OrganisationSettings.load()
    settings.committee_email = "comite@consortium.example"
    settings.save()
    return settings.committee_email


def run(callbacks):
    for callback in callbacks:
        callback()


@pytest.fixture
def decide(django_capture_on_commit_callbacks):
    """Change the status and run what waits for the commit (the emails)."""

    def change(application, user, target, note="", share_note=False):
        with django_capture_on_commit_callbacks(execute=True):
            return change_status(application, target, user=user, note=note, share_note=share_note)

    return change


# Emails ---------------------------------------------------------------------------------


def test_the_committee_is_told_of_each_new_application_after_commit(
    make_application, committee_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application = make_application(1)
    assert mail.outbox == []  # nothing leaves before the commit
    run(callbacks)
    committee = [email for email in mail.outbox if email.to == [committee_email]]
    assert len(committee) == 1
    assert application.reference in committee[0].subject
    assert f"/admin/membership-applications/inspect/{application.pk}/" in committee[0].body


def test_approval_email_in_the_applicants_language_with_the_shared_note(
    make_application, committee_user, django_capture_on_commit_callbacks, decide
):
    application = make_application(2, language="en")
    decide(application, committee_user, Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        change_status(
            application,
            Status.APPROVED,
            user=committee_user,
            note="Welcome aboard!",
            share_note=True,
        )
    assert mail.outbox == []
    run(callbacks)
    (email,) = mail.outbox
    assert email.to == [application.contact_email]
    assert email.subject == (
        f"Welcome to the Consortium: application {application.reference} is approved"
    )
    assert "Welcome aboard!" in email.body and "Next steps:" in email.body
    assert "qualifying share" in email.body


def test_french_approval_email(
    make_application, committee_user, django_capture_on_commit_callbacks, decide
):
    application = make_application(3, language="fr")
    decide(application, committee_user, Status.IN_REVIEW)
    decide(application, committee_user, Status.APPROVED)
    (email,) = mail.outbox
    assert email.subject == (
        f"Bienvenue au Consortium : la demande {application.reference} est acceptée"
    )
    assert "Prochaines étapes" in email.body and "message du comité" not in email.body


@pytest.mark.parametrize("shared", [True, False])
def test_refusal_email_carries_the_note_only_when_shared(
    make_application, committee_user, django_capture_on_commit_callbacks, shared, decide
):
    application = make_application(4, language="en")
    decide(application, committee_user, Status.IN_REVIEW)
    decide(
        application,
        committee_user,
        Status.REFUSED,
        note="Outside Québec: not eligible.",
        share_note=shared,
    )
    (email,) = mail.outbox
    assert "cannot accept it" in email.body
    assert ("Outside Québec: not eligible." in email.body) is shared
    assert ("The committee's explanation:" in email.body) is shared


def test_a_rolled_back_decision_sends_nothing(
    make_application, committee_user, django_capture_on_commit_callbacks, decide
):
    application = make_application(5)
    decide(application, committee_user, Status.IN_REVIEW)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        change_status(application, Status.APPROVED, user=committee_user)
        raise RuntimeError("the request failed after the change")
    assert mail.outbox == []
    assert not Notification.objects.filter(kind=Notification.Kind.APPROVAL).exists()
    assert not Member.objects.exists()
    assert MembershipApplication.objects.get(pk=application.pk).status == Status.IN_REVIEW


# Assignment and notes -------------------------------------------------------------------


def test_assignment_is_recorded_and_the_reviewer_gets_an_email(
    make_application, committee_user, admin_user, django_capture_on_commit_callbacks
):
    application = make_application(6)
    with django_capture_on_commit_callbacks(execute=True):
        assign(application, committee_user, by=admin_user)
    application.refresh_from_db()
    assert application.assigned_to == committee_user
    (email,) = mail.outbox
    assert email.to == ["camille@consortium.example"]
    assert email.subject == f"La demande {application.reference} vous est confiée"
    entry = ModelLogEntry.objects.get(action=ASSIGNED, object_id=str(application.pk))
    assert entry.user == admin_user and entry.data["reviewer"] == "Camille"
    # Assigning to oneself sends nothing; assigning to nobody is recorded too.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assign(application, committee_user, by=committee_user)  # no change
        assign(application, None, by=committee_user)
        assign(application, committee_user, by=committee_user)
    assert mail.outbox == []
    assert ModelLogEntry.objects.filter(action=ASSIGNED).count() == 3


def test_internal_notes_are_kept_and_never_sent(
    make_application, committee_user, django_capture_on_commit_callbacks, decide
):
    application = make_application(7)
    note = add_note(application, committee_user, "  Appeler la fédération avant de décider.  ")
    assert note.text == "Appeler la fédération avant de décider."
    decide(application, committee_user, Status.IN_REVIEW)
    decide(application, committee_user, Status.APPROVED)
    assert all("fédération" not in email.body for email in mail.outbox)


# The applicant's link -------------------------------------------------------------------


@pytest.fixture
def info_requested(
    make_application, membership, committee_user, django_capture_on_commit_callbacks
):
    """An application (French) assigned to Camille, with a request for more information;
    returns (application, email sent to the applicant)."""
    application = make_application(8)
    with django_capture_on_commit_callbacks(execute=True):
        assign(application, committee_user)
        change_status(application, Status.IN_REVIEW, user=committee_user)
        change_status(
            application,
            Status.INFO_REQUESTED,
            user=committee_user,
            note="Pouvez-vous joindre vos statuts ?",
        )
    (email,) = [item for item in mail.outbox if item.to == [application.contact_email]]
    mail.outbox.clear()
    return application, email


def link_path(email) -> str:
    url = re.search(r"https?://\S+", email.body).group(0)
    return urlsplit(url).path


def test_the_request_email_has_the_question_and_a_personal_link(info_requested):
    application, email = info_requested
    assert email.subject == (
        f"Votre demande d’adhésion {application.reference} : un complément est requis"
    )
    assert "Pouvez-vous joindre vos statuts ?" in email.body
    path = link_path(email)
    assert path.startswith("/fr/adhesion/complement/")
    info_request = InfoRequest.objects.get(application=application)
    assert link_token(info_request) in path
    expiry = timezone.localtime(info_request.expires_at).date()
    assert expiry == timezone.localdate() + datetime.timedelta(days=14)


def test_a_valid_link_takes_the_answer_once_and_returns_the_application_to_review(
    client, info_requested, django_capture_on_commit_callbacks
):
    application, email = info_requested
    path = link_path(email)
    page = client.get(path)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Pouvez-vous joindre vos statuts ?" in content and application.reference in content
    assert page["X-Robots-Tag"] == "noindex" and "no-cache" in page["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            path, {"response": "Voici nos statuts.", "attachments": [pdf("statuts-2026.pdf")]}
        )
    assert response.status_code == 302
    assert response["Location"] == "/fr/adhesion/complement-recu/"
    assert "Merci" in client.get(response["Location"]).content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assert application.attachments.get().original_name == "statuts-2026.pdf"
    info_request = InfoRequest.objects.get(application=application)
    assert info_request.used_at is not None and info_request.response == "Voici nos statuts."
    entry = ModelLogEntry.objects.filter(action=STATUS_CHANGED, object_id=str(application.pk))
    assert entry.order_by("-timestamp", "-pk").first().data["to"] == Status.IN_REVIEW
    # The assigned reviewer is told.
    (email,) = mail.outbox
    assert email.to == ["camille@consortium.example"]
    assert application.reference in email.subject
    # The link is spent: a second visit or post gets the « used » page and changes nothing.
    for again in (client.get(path), client.post(path, {"response": "Encore"})):
        assert again.status_code == 410
        body = again.content.decode()
        assert "déjà été utilisé" in body
        assert application.reference not in body and application.organisation_name not in body
    assert InfoRequest.objects.get(application=application).response == "Voici nos statuts."


def test_an_empty_answer_gets_a_message_and_keeps_the_link(client, info_requested):
    application, email = info_requested
    response = client.post(link_path(email), {"response": "  "})
    assert response.status_code == 200
    assert "Écrivez une réponse ou joignez un document." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.INFO_REQUESTED
    assert InfoRequest.objects.get(application=application).used_at is None


def test_an_expired_link_reveals_nothing(client, info_requested):
    application, email = info_requested
    InfoRequest.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(link_path(email))
    assert response.status_code == 410
    body = response.content.decode()
    assert "expiré" in body
    assert application.reference not in body and "statuts" not in body


def test_a_link_whose_request_was_closed_no_longer_works(client, info_requested, committee_user):
    application, email = info_requested
    change_status(application, Status.IN_REVIEW, user=committee_user)
    assert client.get(link_path(email)).status_code == 410


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "not-a-token",
        lambda token: link_token(InfoRequest(token=uuid.UUID(int=1))),
    ],
    ids=["tampered", "garbage", "signed-unknown"],
)
def test_a_forged_link_is_not_found_and_reveals_nothing(client, info_requested, forge):
    application, email = info_requested
    token = InfoRequest.objects.get(application=application)
    real = link_token(token)
    response = client.get(f"/fr/adhesion/complement/{forge(real)}/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "pas valide" in body and application.reference not in body
    application.refresh_from_db()
    assert application.status == Status.INFO_REQUESTED


def test_the_english_link_and_its_pages_are_in_english(
    make_application, membership, committee_user, client, django_capture_on_commit_callbacks
):
    application = make_application(9, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        change_status(application, Status.IN_REVIEW, user=committee_user)
        change_status(application, Status.INFO_REQUESTED, user=committee_user, note="Your by-laws?")
    (email,) = [item for item in mail.outbox if item.to == [application.contact_email]]
    assert "information needed" in email.subject
    path = link_path(email)
    assert path.startswith("/en/membership/more-information/")
    assert "What the membership committee asks" in client.get(path).content.decode()
    response = client.post(path, {"response": "Attached."})
    assert response["Location"] == "/en/membership/information-received/"
