"""Nothing a person typed is dropped in silence.

A form caught by an anti-spam rule — the hidden « honeypot » field filled, or too many
submissions from one connection — is not thrown away: what was typed is kept as a
``HeldSubmission`` (every field but the security token; attached files by name and size,
not their content), in a list the people who handle that form review in the admin
(« Envois retenus »). A person whose browser filled the hidden field can thus still be
contacted. Held submissions are deleted after ``HELD_SUBMISSION_RETENTION_DAYS`` (30) by
``manage.py purge_held_submissions`` (daily, docs/deployment.md).

What is kept is bounded, so that a robot cannot fill the database: at most
``HELD_PER_SENDER_PER_DAY`` submissions of one form from one sender in a day (further
ones are counted on the last one kept, ``repeats``), each field cut at
``HELD_FIELD_MAX_CHARS`` characters and the whole at ``MAX_KEPT_CHARS`` (the rest counted,
``omitted_chars``). The sender is the client's address as a keyed digest: the same address
gives the same digest, and the digest does not give the address back.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from consortium.models import HeldSubmission
from consortium.security.client_address import client_address

NOT_KEPT = {"csrfmiddlewaretoken"}
MAX_KEPT_CHARS = 20_000  # of one submission, all fields together
MAX_FILES_LISTED = 10


def storable(text: str) -> str:
    """The text as typed, but for NUL, which no database text column takes: it becomes
    U+FFFD « � » (so the committee still sees that something was there)."""
    return text.replace("\x00", "\ufffd")


def sender_digest(request) -> str:
    """The client's address as a keyed digest (HMAC with the site's secret key)."""
    address = client_address(request).encode()
    return hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256).hexdigest()[:32]


def _bounded(request) -> tuple[dict, int]:
    """The posted fields, each cut at HELD_FIELD_MAX_CHARS, all at MAX_KEPT_CHARS; and
    how many characters were left out."""
    per_field = settings.HELD_FIELD_MAX_CHARS
    room = MAX_KEPT_CHARS
    data: dict = {}
    omitted = 0
    for name, values in request.POST.lists():
        if name in NOT_KEPT:
            continue
        if room <= 0:
            omitted += sum(len(value) for value in values)
            continue
        kept_values = []
        for value in values:
            kept = value[: max(0, min(per_field, room))]
            omitted += len(value) - len(kept)
            room -= len(kept)
            kept_values.append(storable(kept))
        data[storable(name[:100])] = kept_values if len(kept_values) > 1 else kept_values[0]
    return data, omitted


def hold(form_name: str, reason: str, request, language: str) -> HeldSubmission:
    """Keep what was typed (bounded, above); past the sender's daily number, count it on
    the last submission kept instead."""
    sender = sender_digest(request)
    today = HeldSubmission.objects.filter(
        form=form_name,
        sender=sender,
        received_at__gte=timezone.now() - datetime.timedelta(days=1),
    )
    last = today.order_by("-received_at", "-pk").first()
    if last is not None and today.count() >= settings.HELD_PER_SENDER_PER_DAY:
        HeldSubmission.objects.filter(pk=last.pk).update(repeats=F("repeats") + 1)
        last.refresh_from_db()
        return last
    data, omitted = _bounded(request)
    files = [
        {"name": storable(uploaded.name[:255]), "size": uploaded.size}
        for name in request.FILES
        for uploaded in request.FILES.getlist(name)
    ][:MAX_FILES_LISTED]
    return HeldSubmission.objects.create(
        form=form_name,
        reason=reason,
        language=language,
        data=data,
        files=files,
        sender=sender,
        omitted_chars=omitted,
    )


def due_for_deletion(days: int | None = None):
    """Held submissions older than ``days`` (HELD_SUBMISSION_RETENTION_DAYS by default)."""
    days = settings.HELD_SUBMISSION_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return HeldSubmission.objects.filter(received_at__lt=cutoff)


def purge(days: int | None = None) -> int:
    """Delete held submissions older than ``days``; returns how many."""
    deleted, _details = due_for_deletion(days).delete()
    return deleted
