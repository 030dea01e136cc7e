"""Emails about applications: the outbox, written and sent (django-tasks).

Each email is a Notification row written with the application (``queue_email``, inside
the transaction of the action that causes it) and handed to the task queue only once
that transaction has committed: an email never announces a decision that was rolled
back. A task sends it and marks it sent. A failure is recorded on the row (attempts,
last error) and retried: at once by a deferred task when the task backend can defer (the
database queue in production, with an exponential back-off), and in every case by
`manage.py send_pending_notifications` (cron, README). The row lock and the « pending »
check make a second delivery of the same email impossible, whichever worker or retry
gets there first.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task, task_backends

from consortium.mail import delivery_connection, one_line, render_text
from consortium.models import OrganisationSettings

from .links import info_request_url
from .models import InfoRequest, Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


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
    if notification.kind == Notification.Kind.INFO_REQUEST:
        info_request = InfoRequest.objects.get(pk=notification.data["info_request"])
        context.update(
            info_request=info_request,
            link=info_request_url(info_request),
            expires_on=timezone.localtime(info_request.expires_at).date(),
        )
    return context


def _message(notification: Notification) -> EmailMessage:
    """The email, in its recipient's language, with literal characters (plain text)."""
    with translation.override(notification.language):
        context = _context(notification)
        template = f"membership/email/{notification.kind}"
        subject = one_line(render_text(f"{template}_subject.txt", context))
        body = render_text(f"{template}.txt", context)
    return EmailMessage(
        subject=subject, body=body, to=[notification.recipient], connection=delivery_connection()
    )


def deliver(notification_id: int) -> bool:
    """Send one pending email; True when it is (now or already) sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("application")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.state == Notification.State.FAILED:
            return False
        if notification.state == Notification.State.SENT:
            return True
        notification.attempts += 1
        try:
            _message(notification).send()
        except Exception as error:  # noqa: BLE001 - any mail failure is recorded and retried
            notification.last_error = f"{type(error).__name__}: {error}"[:2000]
            if notification.attempts >= MAX_ATTEMPTS:
                notification.state = Notification.State.FAILED
            notification.save(update_fields=["attempts", "last_error", "state"])
            logger.warning("Email %s failed (attempt %s)", notification_id, notification.attempts)
            transaction.on_commit(lambda: _retry_later(notification))
            return False
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.save(update_fields=["attempts", "state", "sent_at", "last_error"])
        return True


def _retry_later(notification: Notification):
    if notification.state != Notification.State.PENDING:
        return
    backend = task_backends[send_notification.backend]
    if not backend.supports_defer:
        return  # the cron command retries
    delay = datetime.timedelta(minutes=2**notification.attempts)
    send_notification.using(run_after=timezone.now() + delay).enqueue(notification.pk)


@task()
def send_notification(notification_id: int) -> bool:
    return deliver(notification_id)


def queue_email(application, kind: str, recipient: str, language: str, **data):
    """Write one email to the outbox; it is sent by a task once the transaction commits."""
    if not recipient:
        return None
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
