"""Submitting an application: everything committed in one transaction, then the emails.

The application, its attachments, its consent record and its outbox of emails are written
together; the emails are handed to background tasks only once that transaction has
committed (``transaction.on_commit``), so no email ever announces an application that does
not exist, and no mail-server failure can undo one.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from consortium.i18n import default_language
from consortium.models import OrganisationSettings

from .choices import OPEN_STATUSES
from .models import (
    APPLICANT_FIELDS,
    Attachment,
    ConsentRecord,
    MembershipApplication,
    Notification,
)
from .references import next_reference
from .review import queue_email


def is_possible_duplicate(neq: str, email: str) -> bool:
    """An application still open has the same NEQ or the same email."""
    return (
        MembershipApplication.objects.filter(status__in=OPEN_STATUSES)
        .filter(Q(neq=neq) | Q(contact_email__iexact=email))
        .exists()
    )


def submit_application(data: dict, *, language: str, policy_version: str) -> MembershipApplication:
    """Store a valid application (``data``: the form's cleaned data) and queue its emails."""
    now = timezone.now()
    with transaction.atomic():
        application = MembershipApplication(
            reference=next_reference(timezone.localdate(now).year),
            language=language,
            possible_duplicate=is_possible_duplicate(data["neq"], data["contact_email"]),
            **{name: data[name] for name in APPLICANT_FIELDS},
        )
        application.save()
        application.fields_of_interest.set(data.get("fields_of_interest") or [])
        store_attachments(application, data.get("attachments") or [])
        ConsentRecord.objects.create(
            application=application,
            given_at=now,
            policy_version=policy_version,
            language=language,
            newsletter=data.get("newsletter", False),
        )
        _queue_notifications(application)
    return application


def store_attachments(application: MembershipApplication, files) -> None:
    """Save uploaded PDFs (already validated) in private storage under unguessable names."""
    for uploaded in files:
        attachment = Attachment(
            application=application, original_name=uploaded.name[:255], size=uploaded.size
        )
        attachment.file.save("document.pdf", uploaded, save=False)
        attachment.save()


def _queue_notifications(application: MembershipApplication):
    """The acknowledgement to the applicant and the committee's notice (in French, the
    committee's language)."""
    queue_email(
        application,
        Notification.Kind.ACKNOWLEDGEMENT,
        application.contact_email,
        application.language,
    )
    queue_email(
        application,
        Notification.Kind.COMMITTEE,
        OrganisationSettings.load().committee_email,
        default_language(),
    )
