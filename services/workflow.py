"""The statuses of a service request and the only ways between them (SPEC §10).

Reçue → Qualifiée → Assignée → Offre envoyée → En cours → Terminée; « Sans suite » from any
open status (with a note: the requester is told why). Closed is final.

This module is the transition table (a ``consortium.cases.handling.Workflow``), nothing else; every
change goes through ``services.actions.change_status``, recorded in the audit log.
"""

from django.utils.translation import gettext_lazy as _

from consortium.cases.handling import Workflow

from .choices import Status
from .models import ServiceRequest

STATUS_CHANGED = "services.status_changed"
ASSIGNED = "services.assigned"

WORKFLOW = Workflow(
    statuses=Status,
    transitions={
        Status.RECEIVED: {Status.QUALIFIED, Status.DROPPED},
        Status.QUALIFIED: {Status.ASSIGNED, Status.DROPPED},
        Status.ASSIGNED: {Status.OFFER_SENT, Status.DROPPED},
        Status.OFFER_SENT: {Status.IN_PROGRESS, Status.DROPPED},
        Status.IN_PROGRESS: {Status.COMPLETED, Status.DROPPED},
        Status.COMPLETED: set(),
        Status.DROPPED: set(),
    },
    note_required=frozenset({Status.DROPPED}),
    # Someone holds the case from « Assignée » until it ends.
    holder_required=frozenset({Status.ASSIGNED, Status.OFFER_SENT, Status.IN_PROGRESS}),
    holder_needed=_(
        "“%(status)s” means someone holds the request: choose who in “Assigned to” first."
    ),
    status_changed=STATUS_CHANGED,
    assigned=ASSIGNED,
    not_allowed=_("A service request cannot go from “%(current)s” to “%(target)s”."),
    note_needed=_("A note is required to move a service request to “%(target)s”."),
)
WORKFLOW.guard(ServiceRequest)
