"""Retention (Loi 25): refused and withdrawn applications are anonymised once they have
been closed for a configurable number of months (MEMBERSHIP_RETENTION_MONTHS, 24 by
default).

Anonymising keeps what the Consortium's statistics need and identifies no one (reference,
dates, status, legal form, sector, region, category, sizes, the consent record's date and
policy version) and removes the rest: the organisation's name and NEQ, the address, the
website, the contact person, the message, the documents (files and rows), the internal
notes, the questions and answers of requests for more information, the emails sent, and
the name and notes in the audit log. Approved applications are kept: they are a member's
file.
"""

from consortium.cases import retention

from .choices import Status
from .models import MembershipApplication

CLOSED_STATUSES = [Status.REFUSED, Status.WITHDRAWN]
ANONYMISED_NAME = retention.ANONYMISED_NAME
CLEARED_FIELDS = [
    "organisation_name",
    "neq",
    "street_address",
    "city",
    "postal_code",
    "website",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "message",
]
months_before = retention.months_before


def due_for_anonymisation(months: int, now=None):
    """Refused or withdrawn applications closed before ``months`` months ago, not yet
    anonymised."""
    return retention.due(MembershipApplication, CLOSED_STATUSES, months, now)


def _clear_own_rows(application: MembershipApplication) -> None:
    application.info_requests.update(question="", response="")
    application.newsletter = False
    application.save(update_fields=["newsletter"])


def anonymise(application: MembershipApplication) -> None:
    """Remove what identifies the applicant (consortium.cases.retention.anonymise)."""
    retention.anonymise(
        application,
        cleared=CLEARED_FIELDS,
        name_field="organisation_name",
        deleted=["attachments", "internal_notes", "notifications"],
        extra=_clear_own_rows,
    )
