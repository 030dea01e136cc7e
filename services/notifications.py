"""Emails about service requests, written to the site's outbox (consortium.messaging.outbox): each
is a Notification row written inside the transaction of the action that causes it, sent once
that transaction has committed, retried when the mail server fails."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from consortium.messaging import outbox
from consortium.models import OrganisationSettings

from .models import Notification


def _context(notification: Notification) -> dict:
    service_request = notification.service_request
    base_url = settings.WAGTAILADMIN_BASE_URL
    return {
        "service_request": service_request,
        "fields": [field.localized.title for field in service_request.expertise_fields.all()],
        "detail_url": base_url + reverse("service_requests:inspect", args=[service_request.pk]),
        "note": notification.data.get("note", ""),
        "membership_url": notification.data.get("membership_url", ""),
        "contact": OrganisationSettings.load(),
    }


def message(notification: Notification) -> EmailMessage:
    """The email, in its recipient's language, in plain text."""
    return outbox.plain_message(notification, f"services/email/{notification.kind}", _context)


def queue_email(service_request, kind: str, recipient: str, language: str, **data):
    """Write one email to the outbox; it is sent by a task once the transaction commits."""
    return outbox.queue(
        Notification,
        service_request=service_request,
        kind=kind,
        recipient=recipient,
        language=language,
        data=data,
    )
