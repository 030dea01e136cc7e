"""Emails about applications, written to the site's outbox (consortium.messaging.outbox).

Each email is a Notification row written with the application (``queue_email``, inside
the transaction of the action that causes it); the outbox's task sends it once that
transaction has committed, records failures and retries them.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from consortium.messaging import outbox
from consortium.models import OrganisationSettings

from .links import info_request_url
from .models import InfoRequest, Notification


def _context(notification: Notification) -> dict:
    """What the templates of an email use: the application, the shared note, the links."""
    application = notification.application
    base_url = settings.WAGTAILADMIN_BASE_URL
    context = {
        "application": application,
        "admin_url": base_url,
        "detail_url": base_url + reverse("membership_applications:inspect", args=[application.pk]),
        "note": notification.data.get("note", ""),
        "contact": OrganisationSettings.load(),
    }
    if notification.kind == Notification.Kind.APPROVAL:
        from members.emails import member_space_url

        context["member"] = application.member
        context["member_space_url"] = member_space_url(notification.language)
    if notification.kind == Notification.Kind.INFO_REQUEST:
        info_request = InfoRequest.objects.get(pk=notification.data["info_request"])
        context.update(
            info_request=info_request,
            link=info_request_url(info_request),
            expires_on=timezone.localtime(info_request.expires_at).date(),
        )
    return context


def message(notification: Notification) -> EmailMessage:
    """The email, in its recipient's language, with literal characters (plain text)."""
    return outbox.plain_message(notification, f"membership/email/{notification.kind}", _context)


def queue_email(application, kind: str, recipient: str, language: str, **data):
    """Write one email to the outbox; it is sent by a task once the transaction commits."""
    return outbox.queue(
        Notification,
        application=application,
        kind=kind,
        recipient=recipient,
        language=language,
        data=data,
    )


def _staff_recipient(application) -> str:
    """The assigned reviewer, or the committee's address when nobody is assigned."""
    if application.assigned_to_id and application.assigned_to.email:
        return application.assigned_to.email
    return OrganisationSettings.load().committee_email
