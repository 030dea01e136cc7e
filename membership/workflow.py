"""The statuses of an application and the only ways to move between them (SPEC §5).

Soumise → En analyse → Complément demandé → (the applicant completes) → En analyse →
Approuvée | Refusée; Retirée at any time before a decision. A decision is final.

This module is the transition table (a ``consortium.cases.handling.Workflow``), nothing else.
Every change goes through ``membership.actions.change_status``, which locks the
application, checks the transition, requires a note where the applicant must be told why
(refusal, request for more information) and records who, when, from, to and why in
Wagtail's audit log (``consortium.cases.handling.change_status``). The guard refuses any other
change of status before a save, so an illegal transition is impossible at the model level,
whatever code tries it.
"""

from django.utils.translation import gettext_lazy as _

from consortium.cases.handling import Workflow

from .choices import Status
from .models import MembershipApplication

STATUS_CHANGED = "membership.status_changed"
ASSIGNED = "membership.assigned"

WORKFLOW = Workflow(
    statuses=Status,
    transitions={
        Status.SUBMITTED: {Status.IN_REVIEW, Status.WITHDRAWN},
        Status.IN_REVIEW: {
            Status.INFO_REQUESTED,
            Status.APPROVED,
            Status.REFUSED,
            Status.WITHDRAWN,
        },
        Status.INFO_REQUESTED: {Status.IN_REVIEW, Status.WITHDRAWN},
        Status.APPROVED: set(),
        Status.REFUSED: set(),
        Status.WITHDRAWN: set(),
    },
    note_required=frozenset({Status.REFUSED, Status.INFO_REQUESTED}),
    status_changed=STATUS_CHANGED,
    assigned=ASSIGNED,
    not_allowed=_("An application cannot go from “%(current)s” to “%(target)s”."),
    note_needed=_("A note is required to move an application to “%(target)s”."),
)
WORKFLOW.guard(MembershipApplication)
