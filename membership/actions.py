"""What people do with applications, each in one transaction: submit (with attachments,
consent and the emails), change status (and what follows: the request for more
information, the member created by an approval, the emails), assign, write an internal
note, complete a request for more information.

Layers (one way): choices → models → workflow (transition table) → links (tokens, URLs) →
notifications (outbox: write and send) → actions → views and admin. Every email is a row
of the outbox written in the action's transaction and sent once it has committed.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consortium.cases import handling
from consortium.i18n.languages import default_language
from consortium.intake import uploads
from consortium.models import OrganisationSettings
from members.register import Admission, admit
from newsletter.actions import request_subscription
from newsletter.consent import casl_text
from newsletter.models import ConsentRecord as NewsletterConsent

from .choices import NEWSLETTER_LABEL, OPEN_STATUSES, Status
from .links import check_usable
from .models import (
    APPLICANT_FIELDS,
    Attachment,
    ConsentRecord,
    InfoRequest,
    InternalNote,
    MembershipApplication,
    Notification,
)
from .notifications import queue_email
from .permissions import REVIEW_PERMISSION
from .references import next_reference
from .workflow import WORKFLOW

# Submitting ---------------------------------------------------------------------------


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
        if data.get("newsletter"):
            _ask_for_the_newsletter(application, policy_version)
    return application


def _ask_for_the_newsletter(application: MembershipApplication, policy_version: str):
    """The box ticked: the newsletter's double opt-in, as from its own form (the
    confirmation email leaves through the outbox once the application is stored)."""
    with translation.override(application.language):
        text_shown = f"{NEWSLETTER_LABEL} {casl_text(application.language)}"
    request_subscription(
        email=application.contact_email,
        name=application.contact_name,
        language=application.language,
        source=NewsletterConsent.Source.MEMBERSHIP,
        text_shown=text_shown,
        policy_version=policy_version,
    )


def store_attachments(application: MembershipApplication, files) -> None:
    uploads.store(Attachment, application, files)


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


def _staff_recipient(application) -> str:
    """The assigned reviewer, or the committee's address when nobody is assigned."""
    if application.assigned_to_id and application.assigned_to.email:
        return application.assigned_to.email
    return OrganisationSettings.load().committee_email


# Reviewers and notes -----------------------------------------------------------------


def reviewers():
    """The active users who may act on applications (the committee and administrators)."""
    return handling.handlers(REVIEW_PERMISSION)


display_name = handling.display_name


def assign(application, reviewer, *, by=None) -> MembershipApplication:
    """Give the application to ``reviewer`` (or to nobody); recorded, and the reviewer is
    told by email unless they assigned it to themselves."""
    with transaction.atomic():
        locked, changed = handling.assign(WORKFLOW, application, reviewer, by=by)
        if changed and reviewer is not None and reviewer != by:
            queue_email(locked, Notification.Kind.ASSIGNMENT, reviewer.email, default_language())
    return locked


def add_note(application, author, text: str) -> InternalNote:
    return InternalNote.objects.create(application=application, author=author, text=text.strip())


# Changing status ----------------------------------------------------------------------


def change_status(application, target: str, *, user=None, note: str = "", share_note=False):
    """Move ``application`` to ``target``, record it and set in motion what follows (the
    emails, the request for more, the member); returns the refreshed application."""
    with transaction.atomic():
        locked, current = handling.change_status(
            WORKFLOW, application, target, user=user, note=note, shared=share_note
        )
        after_transition(locked, current, target, note=note, share_note=share_note, user=user)
    return locked


def member_of(application, *, user=None):
    """The member an approved application made (once: approving again finds it)."""
    if application.member_id is not None:
        return application.member
    admission = Admission(
        name=application.organisation_name,
        neq=application.neq,
        legal_form=application.legal_form,
        region=application.region,
        street_address=application.street_address,
        city=application.city,
        postal_code=application.postal_code,
        website=application.website,
        category=application.category,
        directory_consent=application.directory_consent,
        contact_name=application.contact_name,
        contact_role=application.contact_role,
        contact_email=application.contact_email,
        contact_phone=application.contact_phone,
    )
    application.member = admit(admission, user=user)
    application.save(update_fields=["member"])
    return application.member


def after_transition(
    application, current: str, target: str, *, note: str, share_note: bool, user=None
):
    """What a change of status sets in motion (called by change_status)."""
    shared = note.strip() if share_note else ""
    if target == Status.INFO_REQUESTED:
        request_information(application, note.strip())
    elif target == Status.APPROVED:
        member_of(application, user=user)
        queue_email(
            application,
            Notification.Kind.APPROVAL,
            application.contact_email,
            application.language,
            note=shared,
        )
    elif target == Status.REFUSED:
        queue_email(
            application,
            Notification.Kind.REFUSAL,
            application.contact_email,
            application.language,
            note=shared,
        )


# The request for more information ----------------------------------------------------


def request_information(application, question: str) -> InfoRequest:
    info_request = InfoRequest.objects.create(
        application=application,
        question=question,
        expires_at=timezone.now() + datetime.timedelta(days=settings.MEMBERSHIP_INFO_REQUEST_DAYS),
    )
    queue_email(
        application,
        Notification.Kind.INFO_REQUEST,
        application.contact_email,
        application.language,
        info_request=info_request.pk,
    )
    return info_request


def complete_info_request(info_request: InfoRequest, text: str, files) -> MembershipApplication:
    """The applicant's answer: stored with its files, the link spent, the application back
    to « En analyse » and its reviewer told — all or nothing."""
    with transaction.atomic():
        locked = (
            InfoRequest.objects.select_for_update()
            .select_related("application")
            .get(pk=info_request.pk)
        )
        check_usable(locked)
        locked.used_at = timezone.now()
        locked.response = text.strip()
        locked.save(update_fields=["used_at", "response"])
        store_attachments(locked.application, files)
        with translation.override(default_language()):
            note = _("Information added by the applicant.")
        application = change_status(locked.application, Status.IN_REVIEW, note=note)
        queue_email(
            application,
            Notification.Kind.INFO_RECEIVED,
            _staff_recipient(application),
            default_language(),
        )
    return application
