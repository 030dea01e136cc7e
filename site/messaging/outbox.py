"""The email outbox every app writes to: a row per email, sent by a background task.
(A row may also stand for another message to the outside: the newsletter's calls to its
provider's API are rows with a sender of their own, ``register_sender``.)

An app's email model inherits :class:`OutboxEmail` (its own table, its own ``kind``
choices and link to what the email is about); the app says how its rows are written when
it loads (``register_renderer`` in its ``AppConfig.ready``), so the model never imports
its renderer. Rows are written inside the transaction of the action that causes
them (``queue``) and handed to the task queue only once it has committed: an email never
announces what was rolled back. ``deliver`` sends one row under its lock and records the
outcome; a failure is recorded on the row (attempts, last error) and retried — by a
deferred task when the task backend can defer (the database queue in production, with an
exponential back-off), and in every case by ``manage.py send_pending_notifications``
(cron). The lock and the « pending » check make a second delivery impossible, whichever
worker or retry gets there first.

An app may hold its rows back while something the law requires is missing
(``register_hold``: the newsletter's emails without the sender's postal address, CASL):
a held row stays pending, with the reason as its last error and no attempt counted, and
goes with the next ``send_pending_notifications`` once the reason is gone.
"""

import datetime
import logging
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task, task_backends

from consortium.messaging.mail import (
    BULK,
    MAX_ATTEMPTS,
    PERSON_WAITS,
    delivery_connection,
    one_line,
    render_text,
)

logger = logging.getLogger(__name__)


class OutboxEmail(models.Model):
    """One email to send (abstract: each app has its own table)."""

    class State(models.TextChoices):
        PENDING = "pending", _("To send")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (gave up)")
        UNCERTAIN = "uncertain", _("Interrupted while being sent (may have arrived)")

    kind = models.CharField(max_length=20)
    recipient = models.EmailField()
    language = models.CharField(max_length=2)
    # What the email says beyond the object it concerns (a shared note, a question).
    data = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.state})"

    def build_message(self) -> EmailMessage:
        """The row's email, by the renderer its app registered (``register_renderer``)."""
        return _renderer(type(self), _RENDERERS)(self)

    def send_now(self) -> None:
        """Send the row; any exception is a failure, recorded and retried. A kind of row
        that is not an email (a call to a provider's API) registered its own sender."""
        sender = _SENDERS.get(type(self))
        if sender is not None:
            sender(self)
        else:
            self.build_message().send()


# How each app's rows become emails (or are sent otherwise), registered when the app loads
# (its AppConfig.ready): a row's model never imports its renderer, which imports the model.
_RENDERERS: dict[type[OutboxEmail], Callable[[Any], EmailMessage]] = {}
_SENDERS: dict[type[OutboxEmail], Callable[[Any], None]] = {}
_HOLDS: dict[type[OutboxEmail], Callable[[], str]] = {}


def register_renderer(model: type[OutboxEmail], render: Callable[[Any], EmailMessage]) -> None:
    """``render(row)`` builds the email of each row of ``model``."""
    _RENDERERS[model] = render


def register_sender(model: type[OutboxEmail], send: Callable[[Any], None]) -> None:
    """``send(row)`` carries out each row of ``model`` that is not an email (an API call)."""
    _SENDERS[model] = send


def register_hold(model: type[OutboxEmail], reason: Callable[[], str]) -> None:
    """``reason()`` says why ``model``'s rows must wait ("" when they may go)."""
    _HOLDS[model] = reason


def _renderer(model: type[OutboxEmail], registry: dict) -> Callable:
    try:
        return registry[model]
    except KeyError:
        raise ImproperlyConfigured(
            f"{model._meta.label} has no renderer: its app's ready() must call "
            "consortium.messaging.outbox.register_renderer"
        ) from None


Row = TypeVar("Row", bound=OutboxEmail)


def plain_message(
    row: OutboxEmail, template: str, build_context: Callable[[Any], dict]
) -> EmailMessage:
    """The row's email in plain text and in its recipient's language: its subject from
    ``template``_subject.txt (on one line), its body from ``template``.txt, both with the
    context ``build_context(row)`` (built in that language too)."""
    with translation.override(row.language):
        context = build_context(row)
        subject = one_line(render_text(f"{template}_subject.txt", context))
        body = render_text(f"{template}.txt", context)
    return EmailMessage(
        subject=subject, body=body, to=[row.recipient], connection=delivery_connection()
    )


def queue(model: type[Row], **fields: Any) -> Row | None:
    """Write one email to ``model``'s outbox; its task sends it once the transaction
    commits. No recipient, no email (an address left empty in the settings)."""
    if not fields.get("recipient"):
        return None
    row = model._default_manager.create(**fields)
    task = send_email.using(priority=priority_of(model))
    transaction.on_commit(partial(task.enqueue, model._meta.label_lower, row.pk))
    return row


def priority_of(model: type[OutboxEmail]) -> int:
    """An email goes before bulk work; a row with a sender of its own (a provider's API
    call) is bulk work (consortium.messaging.mail's priorities)."""
    return BULK if model in _SENDERS else PERSON_WAITS


def deliver(model: type[OutboxEmail], row_id: int) -> bool:
    """Send one pending email, at most once; True when it is (now or already) sent.

    The attempt is recorded (``SENDING``, committed) before the mail server is asked, and
    its outcome after. A row found ``SENDING`` was being sent by a worker that died (its
    task taken up again: consortium.messaging.task_lease) between the two: the mail server
    may have accepted it, so it is not sent again but marked ``UNCERTAIN`` for staff."""
    with transaction.atomic():
        row = model._default_manager.select_for_update(of=("self",)).filter(pk=row_id).first()
        if row is None or row.state in (OutboxEmail.State.FAILED, OutboxEmail.State.UNCERTAIN):
            return False
        if row.state == OutboxEmail.State.SENT:
            return True
        held = _HOLDS[model]() if model in _HOLDS else ""
        if held:
            if row.last_error != held:
                row.last_error = held
                row.save(update_fields=["last_error"])
            logger.warning("Email %s %s held: %s", model.__name__, row_id, held)
            return False
        if row.state == OutboxEmail.State.SENDING:
            row.state = OutboxEmail.State.UNCERTAIN
            row.last_error = "Interrupted while being sent: it may have arrived; not sent again."
            row.save(update_fields=["state", "last_error"])
            logger.warning("Email %s %s interrupted while being sent", model.__name__, row_id)
            return False
        row.attempts += 1
        row.state = OutboxEmail.State.SENDING
        row.save(update_fields=["attempts", "state"])
    try:
        row.send_now()
    except Exception as error:  # noqa: BLE001 - any mail failure is recorded and retried
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        gave_up = row.attempts >= MAX_ATTEMPTS
        row.state = OutboxEmail.State.FAILED if gave_up else OutboxEmail.State.PENDING
        row.save(update_fields=["last_error", "state"])
        logger.warning("Email %s %s failed (attempt %s)", model.__name__, row_id, row.attempts)
        _retry_later(row)
        return False
    row.state = OutboxEmail.State.SENT
    row.sent_at = timezone.now()
    row.save(update_fields=["state", "sent_at", "last_error"])
    return True


def _retry_later(row: OutboxEmail) -> None:
    if row.state != OutboxEmail.State.PENDING:
        return
    if not task_backends[send_email.backend].supports_defer:
        return  # the cron command retries
    delay = datetime.timedelta(minutes=2**row.attempts)
    send_email.using(run_after=timezone.now() + delay, priority=priority_of(type(row))).enqueue(
        row._meta.label_lower, row.pk
    )


@task(priority=PERSON_WAITS)
def send_email(model_label: str, row_id: int) -> bool:
    """The background task: ``deliver`` the row ``row_id`` of the outbox ``model_label``."""
    return deliver(apps.get_model(model_label), row_id)


def outbox_models() -> list[type[OutboxEmail]]:
    """Every app's outbox (for the cron command that retries what is pending)."""
    return [model for model in apps.get_models() if issubclass(model, OutboxEmail)]


def deliver_pending() -> tuple[int, int]:
    """Send every pending email of every outbox once: (sent, pending before)."""
    sent = total = 0
    for model in outbox_models():
        pending = model._default_manager.filter(state=OutboxEmail.State.PENDING).order_by("pk")
        ids = list(pending.values_list("pk", flat=True))
        total += len(ids)
        sent += sum(1 for row_id in ids if deliver(model, row_id))
    return sent, total
