"""Nothing a person typed is dropped in silence.

A form caught by an anti-spam rule — the hidden « honeypot » field filled, or too many
submissions from one connection — is not thrown away: what was typed is kept as a
``HeldSubmission`` (every field but the security token; attached files by name and size,
not their content), in a list the people who handle that form review in the admin
(« Envois retenus »). A person whose browser filled the hidden field can thus still be
contacted. Held submissions are deleted after ``HELD_SUBMISSION_RETENTION_DAYS`` (30) by
``manage.py purge_held_submissions`` (daily, docs/deployment.md).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from consortium.models import HeldSubmission

NOT_KEPT = {"csrfmiddlewaretoken"}


def storable(text: str) -> str:
    """The text as typed, but for NUL, which no database text column takes: it becomes
    U+FFFD « � » (so the committee still sees that something was there)."""
    return text.replace("\x00", "\ufffd")


def hold(form_name: str, reason: str, request, language: str) -> HeldSubmission:
    data = {
        storable(name): [storable(v) for v in values] if len(values) > 1 else storable(values[0])
        for name, values in request.POST.lists()
        if name not in NOT_KEPT
    }
    files = [
        {"name": storable(uploaded.name[:255]), "size": uploaded.size}
        for name in request.FILES
        for uploaded in request.FILES.getlist(name)
    ]
    return HeldSubmission.objects.create(
        form=form_name, reason=reason, language=language, data=data, files=files
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
