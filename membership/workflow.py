"""The statuses of an application and the only ways to move between them (SPEC §5).

Soumise → En analyse → Complément demandé → (the applicant completes) → En analyse →
Approuvée | Refusée; Retirée at any time before a decision. A decision is final.

This module is the transition table and its check, nothing else. Every change goes
through ``membership.actions.change_status``, which locks the application, checks the
transition here, requires a note where the applicant must be told why (refusal, request
for more information) and records who, when, from, to and why in Wagtail's audit log. The
``pre_save`` check below refuses any other change of status, so an illegal transition is
impossible at the model level, whatever code tries it.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .choices import Status
from .models import MembershipApplication

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


@receiver(pre_save, sender=MembershipApplication, dispatch_uid="membership.workflow.guard")
def refuse_other_transitions(sender, instance, **kwargs):
    """A saved application's status changes only along the table (the note is checked by
    change_status, which knows it)."""
    stored = getattr(instance, "_stored_status", None)
    if instance.pk and stored is not None and stored != instance.status:
        check_transition(stored, instance.status, note="-")
