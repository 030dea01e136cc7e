"""What people do with service requests, each in one transaction: submit (with
attachments, consent and the emails), change status (and the requester's emails that
follow), assign, write an internal note, invite a non-member to join.

Layers (one way): choices → models → workflow → routing → notifications (outbox) →
actions → views and admin. The case handling itself is consortium.cases.handling', shared with
membership's applications.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from consortium.cases import handling
from consortium.i18n.languages import default_language
from consortium.intake import uploads
from consortium.pages.links import live_page_url

from .choices import Status
from .models import (
    REQUESTER_FIELDS,
    Attachment,
    ConsentRecord,
    InternalNote,
    Notification,
    ServiceRequest,
)
from .notifications import queue_email
from .permissions import HANDLE_PERMISSION
from .recipients import team_addresses
from .references import next_reference
from .workflow import WORKFLOW

INVITED = "services.invited"

# The requester's emails that a change of status sends.
REQUESTER_EMAILS = {
    Status.OFFER_SENT: Notification.Kind.OFFER,
    Status.COMPLETED: Notification.Kind.COMPLETED,
    Status.DROPPED: Notification.Kind.DROPPED,
}


def submit_request(
    data: dict, *, language: str, policy_version: str, member=None
) -> ServiceRequest:
    """Store a valid request (``data``: the form's cleaned data) and queue its emails: the
    acknowledgement to the requester, a notification to each field's team."""
    now = timezone.now()
    with transaction.atomic():
        service_request = ServiceRequest(
            reference=next_reference(timezone.localdate(now).year),
            language=language,
            member=member,
            **{name: data[name] for name in REQUESTER_FIELDS},
        )
        service_request.save()
        fields = list(data["expertise_fields"])
        service_request.expertise_fields.set(fields)
        uploads.store(Attachment, service_request, data.get("attachments") or [])
        ConsentRecord.objects.create(
            service_request=service_request,
            given_at=now,
            policy_version=policy_version,
            language=language,
        )
        queue_email(
            service_request,
            Notification.Kind.ACKNOWLEDGEMENT,
            service_request.contact_email,
            language,
        )
        for address in team_addresses(fields):
            queue_email(service_request, Notification.Kind.TEAM, address, default_language())
    return service_request


def handlers():
    """The active users who may follow up requests (the group and administrators)."""
    return handling.handlers(HANDLE_PERMISSION)


def assign(service_request, handler, *, by=None) -> ServiceRequest:
    """Give the request to ``handler`` (or to nobody); recorded, and the handler is told
    by email unless they took it themselves."""
    with transaction.atomic():
        locked, changed = handling.assign(WORKFLOW, service_request, handler, by=by)
        if changed and handler is not None and handler != by and handler.email:
            queue_email(locked, Notification.Kind.ASSIGNMENT, handler.email, default_language())
    return locked


def add_note(service_request, author, text: str) -> InternalNote:
    return InternalNote.objects.create(
        service_request=service_request, author=author, text=text.strip()
    )


def change_status(service_request, target: str, *, user=None, note: str = "", share_note=False):
    """Move the request to ``target``, recorded; at « Offre envoyée », « Terminée » and
    « Sans suite » the requester is told (with the note when it is shared)."""
    with transaction.atomic():
        locked, _previous = handling.change_status(
            WORKFLOW, service_request, target, user=user, note=note, shared=share_note
        )
        if target in REQUESTER_EMAILS:
            queue_email(
                locked,
                REQUESTER_EMAILS[target],
                locked.contact_email,
                locked.language,
                note=note.strip() if share_note else "",
            )
    return locked


def membership_url(language: str) -> str:
    """The membership page's full address in ``language`` (consortium.pages.links's
    fallback), "" when there is none. Named by its label: services does not depend on the
    membership app."""
    return live_page_url("membership.MembershipPage", language)


def invite_to_join(service_request, *, user=None) -> ServiceRequest:
    """Email a non-member the membership page (in their language); recorded."""
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
        if locked.member_id is not None:
            raise ValueError("The requester's organisation is already a member.")
        locked.invited_to_join_at = timezone.now()
        locked.save(update_fields=["invited_to_join_at"])
        queue_email(
            locked,
            Notification.Kind.INVITATION,
            locked.contact_email,
            locked.language,
            membership_url=membership_url(locked.language),
        )
        log(instance=locked, action=INVITED, user=user)
    return locked
