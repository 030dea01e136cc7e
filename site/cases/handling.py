"""Case handling, written once for every app that follows what people send (membership
applications, service requests): statuses and their transition table, the guard that makes
any other change of status impossible, the locked change of status recorded in Wagtail's
audit log, assignment, internal notes, the people who may handle a kind of case, and
references numbered per year under concurrency.

An app declares its ``Workflow`` (its statuses, the table, which targets need a note, its
audit-log actions and messages) and its models (``StatusTracked`` and ``CaseNote``); what
a transition sets in motion (emails, a member created, …) stays the app's business.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log


class TransitionNotAllowed(ValidationError):
    pass


@dataclass(frozen=True)
class Workflow:
    """A kind of case's statuses and the only ways between them.

    ``not_allowed`` and ``note_needed`` are the messages (with ``%(current)s`` and
    ``%(target)s``); ``status_changed`` and ``assigned`` the audit-log actions. A status in
    ``holder_required`` means someone holds the case: it is reached only once the case is
    assigned, and while in it the case cannot be left to nobody (``holder_needed``, with
    ``%(status)s``).
    """

    statuses: type[models.TextChoices]
    transitions: dict[str, set[str]]
    status_changed: str
    assigned: str
    not_allowed: str
    note_needed: str
    note_required: frozenset[str] = field(default_factory=frozenset)
    holder_required: frozenset[str] = field(default_factory=frozenset)
    holder_needed: str = ""

    def needs_holder(self, status: str, holder_id) -> None:
        """Refuse ``status`` for a case held by nobody, when the status means someone
        holds it."""
        if status in self.holder_required and holder_id is None:
            raise TransitionNotAllowed(
                self.holder_needed, code="holder_required", params={"status": self.label(status)}
            )

    def allowed(self, status: str) -> list[str]:
        """The statuses reachable from ``status``, in the order of the statuses' list."""
        reachable = self.transitions.get(status, set())
        return [value for value in self.statuses.values if value in reachable]

    def label(self, status: str) -> str:
        return str(self.statuses(status).label)

    def check(self, current: str, target: str, note: str = "") -> None:
        if target not in self.transitions.get(current, set()):
            raise TransitionNotAllowed(
                self.not_allowed,
                code="transition",
                params={"current": self.label(current), "target": self.label(target)},
            )
        if target in self.note_required and not note.strip():
            raise TransitionNotAllowed(
                self.note_needed, code="note_required", params={"target": self.label(target)}
            )

    def guard(self, model) -> None:
        """Refuse, before any save of ``model`` (a ``StatusTracked``), a change of status
        the table does not allow, whatever code tries it (the note is checked by
        ``change_status``, which knows it)."""

        def refuse_other_transitions(sender, instance, **kwargs):
            stored = getattr(instance, "_stored_status", None)
            if instance.pk and stored is not None and stored != instance.status:
                self.check(stored, instance.status, note="-")

        pre_save.connect(
            refuse_other_transitions,
            sender=model,
            weak=False,
            dispatch_uid=f"cases.guard.{model._meta.label_lower}",
        )


class StatusTracked(models.Model):
    """A case whose status is remembered as stored, for ``Workflow.guard``."""

    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._stored_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance


def change_status(workflow: Workflow, case, target: str, *, user=None, note="", **data):
    """Lock ``case``, check the transition, save it and record who, when, from, to and why
    (``data`` adds to the log entry). Call it inside the app's own transaction with what
    follows; returns ``(locked case, previous status)``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("change_status() must run inside the transition's transaction")
    locked = (
        type(case)
        .objects.select_for_update(of=("self",))
        .select_related("assigned_to")
        .get(pk=case.pk)
    )
    current = locked.status
    workflow.check(current, target, note)
    workflow.needs_holder(target, locked.assigned_to_id)
    locked.status = target
    locked.status_changed_at = timezone.now()
    locked.save(update_fields=["status", "status_changed_at"])
    log(
        instance=locked,
        action=workflow.status_changed,
        user=user,
        data={"from": current, "to": target, "note": note.strip(), **data},
        # Its own id: the history groups entries by id, and each change is one event.
        uuid=uuid.uuid4(),
    )
    return locked, current


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def assign(workflow: Workflow, case, handler, *, by=None):
    """Give ``case`` to ``handler`` (or to nobody, unless its status means someone holds
    it: ``TransitionNotAllowed``), recorded; returns ``(locked case, changed)`` (the app
    tells the handler)."""
    with transaction.atomic():
        locked = type(case).objects.select_for_update().get(pk=case.pk)
        handler_id = handler.pk if handler else None
        if locked.assigned_to_id == handler_id:
            return locked, False
        workflow.needs_holder(locked.status, handler_id)
        locked.assigned_to = handler
        locked.save(update_fields=["assigned_to"])
        log(
            instance=locked,
            action=workflow.assigned,
            user=by,
            data={"reviewer": display_name(handler) if handler else ""},
            uuid=uuid.uuid4(),
        )
    return locked, True


def handlers(permission: str):
    """The active users who hold ``permission`` (``app.codename``), administrators
    included, by name."""
    return (
        get_user_model()
        .objects.with_perm(
            permission,
            include_superusers=True,
            is_active=True,
            backend="django.contrib.auth.backends.ModelBackend",  # where permissions live
        )
        .order_by("first_name", "last_name", "username")
    )


class CaseNote(models.Model):
    """A staff note on a case; the person who sent it never sees it (the app adds the
    foreign key to its case)."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    text = models.TextField(_("note"), max_length=3000)

    class Meta:
        abstract = True
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]


class YearCounter(models.Model):
    """The last number handed out in a year (the app's concrete counter, one per series)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.year}: {self.last}"


def next_reference(counter_model, prefix: str, year: int) -> str:
    """``PREFIX-YYYY-NNNN``, numbered from 1 each year.

    The year's row is incremented by an UPDATE inside the case's transaction: it stays
    locked until that transaction ends, so two submissions at the same moment (on any
    number of app servers sharing the database) always get two different numbers, and a
    rolled-back submission gives its number back.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_reference() must run inside the case's transaction")
    # Create the year's row if it does not exist yet; concurrent creators do not collide.
    counter_model.objects.bulk_create([counter_model(year=year)], ignore_conflicts=True)
    counter_model.objects.filter(year=year).update(last=F("last") + 1)
    number = counter_model.objects.values_list("last", flat=True).get(year=year)
    return f"{prefix}-{year}-{number:04d}"
