"""What follows the committee's actions: assignment, internal notes, the request for more
information and its personal link, the member created by an approval, and the emails.

Everything here runs inside the transaction of the action that caused it (a change of
status runs ``after_transition`` within ``workflow.change_status``), and every email is a
row of the outbox handed to the task queue only once that transaction has committed: an
email never announces a decision that was rolled back.
"""

import datetime
import uuid
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from consortium.i18n import default_language
from consortium.models import OrganisationSettings

from .choices import Status
from .models import InfoRequest, InternalNote, Member, MembershipApplication, Notification
from .permissions import REVIEW_PERMISSION

ASSIGNED = "membership.assigned"
INFO_REQUEST_SALT = "membership.info-request"


# Emails -------------------------------------------------------------------------------


def queue_email(application, kind: str, recipient: str, language: str, **data):
    """Write one email to the outbox; it is sent by a task once the transaction commits."""
    if not recipient:
        return None
    from .notifications import send_notification

    notification = Notification.objects.create(
        application=application, kind=kind, recipient=recipient, language=language, data=data
    )
    transaction.on_commit(partial(send_notification.enqueue, notification.pk))
    return notification


def _staff_recipient(application) -> str:
    """The assigned reviewer, or the committee's address when nobody is assigned."""
    if application.assigned_to_id and application.assigned_to.email:
        return application.assigned_to.email
    return OrganisationSettings.load().committee_email


# Reviewers and notes -----------------------------------------------------------------


def reviewers():
    """The active users who may act on applications (the committee and administrators)."""
    return (
        get_user_model()
        .objects.with_perm(
            REVIEW_PERMISSION,
            include_superusers=True,
            is_active=True,
            backend="django.contrib.auth.backends.ModelBackend",  # where permissions live
        )
        .order_by("first_name", "last_name", "username")
    )


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def assign(application, reviewer, *, by=None) -> MembershipApplication:
    """Give the application to ``reviewer`` (or to nobody); recorded, and the reviewer is
    told by email unless they assigned it to themselves."""
    with transaction.atomic():
        locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        reviewer_id = reviewer.pk if reviewer else None
        if locked.assigned_to_id == reviewer_id:
            return locked
        locked.assigned_to = reviewer
        locked.save(update_fields=["assigned_to"])
        log(
            instance=locked,
            action=ASSIGNED,
            user=by,
            data={"reviewer": display_name(reviewer) if reviewer else ""},
            uuid=uuid.uuid4(),
        )
        if reviewer is not None and reviewer != by:
            queue_email(locked, Notification.Kind.ASSIGNMENT, reviewer.email, default_language())
    return locked


def add_note(application, author, text: str) -> InternalNote:
    return InternalNote.objects.create(application=application, author=author, text=text.strip())


# Decisions ----------------------------------------------------------------------------


def after_transition(application, current: str, target: str, *, note: str, share_note: bool):
    """What a change of status sets in motion (called by workflow.change_status)."""
    shared = note.strip() if share_note else ""
    if target == Status.INFO_REQUESTED:
        request_information(application, note.strip())
    elif target == Status.APPROVED:
        create_member(application)
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


def create_member(application) -> Member:
    """The member organisation of an approved application (listed only with consent)."""
    member, _created = Member.objects.get_or_create(
        application=application,
        defaults={
            "name": application.organisation_name,
            "region": application.region,
            "legal_form": application.legal_form,
            "website": application.website,
            "member_since": timezone.localdate(),
            "listed": application.directory_consent,
        },
    )
    return member


# The request for more information and its personal link --------------------------------


class InvalidLink(Exception):
    """The link cannot be used; ``reason`` is « forged », « expired » or « used »."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


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


def _signer() -> signing.Signer:
    return signing.Signer(salt=INFO_REQUEST_SALT)


def link_token(info_request: InfoRequest) -> str:
    """The token of the applicant's link: the request's random id (32 hexadecimal digits)
    followed by its signature with the site's secret key, so that no other value is
    accepted. Letters, digits, « - » and « _ » only: Wagtail's page URLs allow no more."""
    value = info_request.token.hex
    return value + _signer().sign(value)[len(value) + 1 :]


def info_request_url(info_request: InfoRequest) -> str:
    """The full address of the link, on the membership page of the applicant's language."""
    from .models import MembershipPage

    pages = MembershipPage.objects.live().select_related("locale")
    page = (
        pages.filter(locale__language_code=info_request.application.language).first()
        or pages.first()
    )
    if page is None:
        return ""
    with translation.override(page.locale.language_code):
        route = page.reverse_subpage("info_request", args=[link_token(info_request)])
    # The site's public address, as configured (WAGTAILADMIN_BASE_URL: the same host
    # serves the site and its admin), rather than the Site record's host and port.
    _site_id, _root_url, page_path = page.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + page_path + route


def resolve_link(token: str) -> InfoRequest:
    """The request a link stands for, or InvalidLink (and nothing about the application)."""
    value, signature = token[:32], token[32:]
    try:
        _signer().unsign(f"{value}:{signature}")
        token_uuid = uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink("forged") from error
    info_request = (
        InfoRequest.objects.select_related("application").filter(token=token_uuid).first()
    )
    if info_request is None:
        raise InvalidLink("forged")
    check_usable(info_request)
    return info_request


def check_usable(info_request: InfoRequest):
    if info_request.used_at is not None:
        raise InvalidLink("used")
    if (
        info_request.expires_at <= timezone.now()
        or info_request.application.status != Status.INFO_REQUESTED
    ):
        raise InvalidLink("expired")


def complete_info_request(info_request: InfoRequest, text: str, files) -> MembershipApplication:
    """The applicant's answer: stored with its files, the link spent, the application back
    to « En analyse » and its reviewer told — all or nothing."""
    from .services import store_attachments
    from .workflow import change_status

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
