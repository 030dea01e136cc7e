"""The statuses of an application and the only ways to move between them (SPEC §5).

Soumise → En analyse → Complément demandé → (the applicant completes) → En analyse →
Approuvée | Refusée; Retirée at any time before a decision. A decision is final.

Every change goes through :func:`change_status`, which locks the application, checks the
transition, requires a note where the applicant must be told why (refusal, request for more
information) and records who, when, from, to and why in Wagtail's audit log (a custom
registered action, shown as the application's history). ``MembershipApplication.save``
refuses any other change of status, so an illegal transition is impossible at the model
level, whatever code tries it.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .choices import Status

STATUS_CHANGED = "membership.status_changed"

TRANSITIONS: dict[str, set[str]] = {
    Status.SUBMITTED: {Status.IN_REVIEW, Status.WITHDRAWN},
    Status.IN_REVIEW: {Status.INFO_REQUESTED, Status.APPROVED, Status.REFUSED, Status.WITHDRAWN},
    Status.INFO_REQUESTED: {Status.IN_REVIEW, Status.WITHDRAWN},
    Status.APPROVED: set(),
    Status.REFUSED: set(),
    Status.WITHDRAWN: set(),
}
NOTE_REQUIRED = {Status.REFUSED, Status.INFO_REQUESTED}


class TransitionNotAllowed(ValidationError):
    pass


def allowed_transitions(status: str) -> list[str]:
    """The statuses reachable from ``status``, in the order of the statuses' list."""
    reachable = TRANSITIONS.get(status, set())
    return [value for value in Status.values if value in reachable]


def check_transition(current: str, target: str, note: str = "") -> None:
    if target not in TRANSITIONS.get(current, set()):
        raise TransitionNotAllowed(
            _("An application cannot go from « %(current)s » to « %(target)s »."),
            code="transition",
            params={"current": Status(current).label, "target": Status(target).label},
        )
    if target in NOTE_REQUIRED and not note.strip():
        raise TransitionNotAllowed(
            _("A note is required to move an application to « %(target)s »."),
            code="note_required",
            params={"target": Status(target).label},
        )


def change_status(application, target: str, *, user=None, note: str = "", share_note=False):
    """Move ``application`` to ``target``, record it and set in motion what follows (the
    emails, the request for more, the member: membership.review); returns the refreshed
    application."""
    from .models import MembershipApplication
    from .review import after_transition

    with transaction.atomic():
        locked = (
            MembershipApplication.objects.select_for_update(of=("self",))
            .select_related("assigned_to")
            .get(pk=application.pk)
        )
        current = locked.status
        check_transition(current, target, note)
        locked.status = target
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=["status", "status_changed_at"])
        log(
            instance=locked,
            action=STATUS_CHANGED,
            user=user,
            data={"from": current, "to": target, "note": note.strip(), "shared": share_note},
            # Its own id: the history groups entries by id, and each change is one event.
            uuid=uuid.uuid4(),
        )
        after_transition(locked, current, target, note=note, share_note=share_note)
    return locked
