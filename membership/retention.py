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

import calendar
import datetime

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .choices import Status
from .models import MembershipApplication

CLOSED_STATUSES = [Status.REFUSED, Status.WITHDRAWN]
ANONYMISED_NAME = "—"
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


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day
    when that day does not exist: 31 March minus one month is 28 or 29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def due_for_anonymisation(months: int, now: datetime.datetime | None = None):
    """Refused or withdrawn applications closed before ``months`` months ago, not yet
    anonymised."""
    cutoff = months_before(now or timezone.now(), months)
    return (
        MembershipApplication.objects.filter(status__in=CLOSED_STATUSES, anonymised_at__isnull=True)
        .annotate(closed_at=Coalesce("status_changed_at", "submitted_at"))
        .filter(closed_at__lt=cutoff)
        .order_by("submitted_at", "pk")
    )


def anonymise(application: MembershipApplication) -> None:
    """Remove what identifies the applicant; the files go once the transaction commits
    (a rolled-back anonymisation keeps them)."""
    with transaction.atomic():
        files = [attachment.file for attachment in application.attachments.all()]
        application.attachments.all().delete()
        application.internal_notes.all().delete()
        application.notifications.all().delete()
        application.info_requests.update(question="", response="")
        for name in CLEARED_FIELDS:
            setattr(application, name, "")
        application.organisation_name = ANONYMISED_NAME
        application.newsletter = False
        application.anonymised_at = timezone.now()
        application.save(update_fields=[*CLEARED_FIELDS, "newsletter", "anonymised_at"])
        for entry in ModelLogEntry.objects.for_instance(application):
            entry.label = application.reference
            if entry.data and entry.data.get("note"):
                entry.data = {**entry.data, "note": ""}
            entry.save(update_fields=["label", "data"])
        transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])
