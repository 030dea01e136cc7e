"""No email is sent inside a request: every email goes through the task queue.

``EMAIL_BACKEND`` is ``QueuedEmailBackend`` in every environment but the tests: sending an
email (Wagtail's workflow notifications on submit, approve and reject, a password reset,
anything else) writes a task once the request's transaction has committed, and returns.
The worker (``manage.py db_worker``) sends it through the real backend,
``EMAIL_DELIVERY_BACKEND`` (from ``EMAIL_URL``). A mail server that is down, refuses or
never answers therefore never turns an editorial action into an error or a rollback, and
never holds a request: the task is retried later, with a growing delay, up to
``MAX_ATTEMPTS`` times, and each failure is logged.

The membership outbox (``membership.notifications``) keeps its own rows, with their
attempts and errors shown to the committee; its tasks send through
:func:`delivery_connection` directly.

Emails are rendered by the ``text`` template engine (no HTML escaping: « L'Envol & fils »
stays literal in a plain-text email) with :func:`render_text`, and subjects are one line.
"""

import base64
import datetime
import logging
from collections.abc import Sequence
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task, task_backends

# The task queue's priorities (django-tasks, -100 to 100; the worker takes the highest
# first): an email a person waits for (a sign-in link, a confirmation, an acknowledgement)
# never waits behind bulk work — Wagtail's search and reference index updates, image
# renditions and CDN purges (priority 0), the newsletter provider's calls (BULK).
PERSON_WAITS = 50
BULK = -50

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
TEXT_ENGINE = "text"


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template, rendered literally (no HTML escaping)."""
    return render_to_string(template_name, context, using=TEXT_ENGINE)


def one_line(subject: str) -> str:
    """A subject on one line: line breaks (which would forge headers) become spaces."""
    return " ".join(subject.split())


def delivery_connection() -> BaseEmailBackend:
    return get_connection(settings.EMAIL_DELIVERY_BACKEND)


def serialise(message: EmailMessage) -> dict:
    """What is needed to build the same message again in the worker (JSON)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment[:3]
        data = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(data).decode(), mimetype])
    return {
        "subject": one_line(str(message.subject)),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(item[:2]) for item in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def rebuild(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message; the worker sends it (``send_queued_email``)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = serialise(message)
            transaction.on_commit(partial(send_queued_email.enqueue, data, 1))
            count += 1
        return count


@task(priority=PERSON_WAITS)
def send_queued_email(data: dict, attempt: int) -> bool:
    try:
        delivery_connection().send_messages([rebuild(data)])
    except Exception as error:  # noqa: BLE001 - any mail failure is logged and retried
        logger.warning(
            "Email « %s » failed (attempt %s): %s", data["subject"], attempt, type(error).__name__
        )
        _retry_later(data, attempt)
        return False
    return True


def _retry_later(data: dict, attempt: int) -> None:
    if attempt >= MAX_ATTEMPTS:
        logger.error("Email « %s » given up after %s attempts", data["subject"], attempt)
        return
    backend = task_backends[send_queued_email.backend]
    if not backend.supports_defer:
        return
    run_after = timezone.now() + datetime.timedelta(minutes=2**attempt)
    send_queued_email.using(run_after=run_after, priority=PERSON_WAITS).enqueue(data, attempt + 1)
