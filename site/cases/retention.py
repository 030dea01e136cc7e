"""Retention (Loi 25), written once for every kind of case: closed cases are anonymised
once they have been closed for a configurable number of months.

An app names its closed statuses, the fields that identify someone and the related rows
to delete; ``due`` finds what is due and ``anonymise`` keeps what statistics need
(reference, dates, status, region, …) and removes the rest: the identifying fields, the
attachments (their files once the transaction commits: a rolled-back anonymisation keeps
them), the internal notes, the emails sent, and the name and notes in the audit log.

Every run of a retention command that changes something — even nothing, when nothing was
due — writes a row of the anonymisation log (``record_run``; Loi 25): its date, purpose,
count, method and who ran it, in French, the staff's language. ``--dry-run`` writes none.

A run never stops on data: each case (``each_on_its_own``) or each batch of rows
(``in_batches``) is committed in its own transaction; one that fails is rolled back alone
and named, the others are done, the log row counts what was done, and the command then
exits with an error naming what failed (``finish_run``), so that cron reports it.
"""

import calendar
import datetime
import getpass
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import format_lazy
from wagtail.models import ModelLogEntry

from consortium.models import AnonymisationRecord

ANONYMISED_NAME = "—"
BATCH_SIZE = 500


@dataclass
class RunOutcome:
    """What a retention run did: how many items, and which failed (and why)."""

    done: int = 0
    failed: list[str] = field(default_factory=list)


def each_on_its_own(
    items: Iterable[Any], act: Callable[[Any], None], name: Callable[[Any], str] = str
) -> RunOutcome:
    """``act(item)`` for every item, each committed on its own: one that fails is rolled
    back alone and named in ``failed``, and the run goes on."""
    outcome = RunOutcome()
    for item in items:
        try:
            with transaction.atomic():
                act(item)
        except Exception as error:  # noqa: BLE001 - named in the outcome; the run goes on
            outcome.failed.append(f"{name(item)}: {type(error).__name__}: {error}")
        else:
            outcome.done += 1
    return outcome


def in_batches(
    ids: Sequence[int], act: Callable[[list[int]], None], size: int = BATCH_SIZE
) -> RunOutcome:
    """``act(batch)`` on batches of ``size`` primary keys, each in its own transaction; a
    batch that fails is done again row by row, so that one bad row holds back only itself."""
    outcome = RunOutcome()
    for start in range(0, len(ids), size):
        batch = list(ids[start : start + size])
        try:
            with transaction.atomic():
                act(batch)
        except Exception:  # noqa: BLE001 - each row of the batch is tried on its own below
            alone = each_on_its_own(batch, lambda pk: act([pk]), name=lambda pk: f"#{pk}")
            outcome.done += alone.done
            outcome.failed += alone.failed
        else:
            outcome.done += len(batch)
    return outcome


def finish_run(
    command: BaseCommand, name: str, *, purpose: Any, method: Any, outcome: RunOutcome
) -> None:
    """The anonymisation log's row for what was done — written even when some items
    failed — then the failures on standard error and an error exit, so cron reports them."""
    record_run(name, purpose=purpose, method=method, count=outcome.done)
    report_failures(command, outcome)


def report_failures(command: BaseCommand, outcome: RunOutcome) -> None:
    """What failed, on standard error, and an error exit (nothing when all was done)."""
    for failure in outcome.failed:
        command.stderr.write(failure)
    if outcome.failed:
        raise CommandError(
            f"{len(outcome.failed)} item(s) could not be processed; {outcome.done} were, "
            "and the anonymisation log says so."
        )


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day
    when that day does not exist: 31 March minus one month is 28 or 29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def due(model, closed_statuses, months: int, now: datetime.datetime | None = None):
    """Cases of ``model`` in a closed status since before ``months`` months ago, not yet
    anonymised (a case never moved counts from its submission)."""
    cutoff = months_before(now or timezone.now(), months)
    return (
        model.objects.filter(status__in=closed_statuses, anonymised_at__isnull=True)
        .annotate(closed_at=Coalesce("status_changed_at", "submitted_at"))
        .filter(closed_at__lt=cutoff)
        .order_by("submitted_at", "pk")
    )


def anonymise(case, *, cleared: list[str], name_field: str, deleted: list[str], extra=None):
    """Clear ``cleared`` fields of ``case`` (``name_field`` becomes « — »), delete the
    related rows named in ``deleted`` (``attachments`` among them: their files too),
    call ``extra(case)`` for the app's own rows, and scrub the audit log."""
    with transaction.atomic():
        files = []
        for relation in deleted:
            rows = getattr(case, relation).all()
            if relation == "attachments":
                files = [row.file for row in rows]
            rows.delete()
        if extra is not None:
            extra(case)
        for name in cleared:
            setattr(case, name, "")
        setattr(case, name_field, ANONYMISED_NAME)
        case.anonymised_at = timezone.now()
        case.save(update_fields=[*{*cleared, name_field}, "anonymised_at"])
        for entry in ModelLogEntry.objects.for_instance(case):
            entry.label = case.reference
            if entry.data and entry.data.get("note"):
                entry.data = {**entry.data, "note": ""}
            entry.save(update_fields=["label", "data"])
        transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def operator() -> str:
    """Who runs the command: RETENTION_OPERATOR when set (« cron », a person's name),
    otherwise the system account."""
    named = os.environ.get("RETENTION_OPERATOR", "").strip()
    if named:
        return named[:150]
    try:
        return getpass.getuser()[:150]
    except (KeyError, OSError):  # no name for this uid (a container)
        return f"uid {os.getuid()}"


def record_run(command: str, *, purpose, method, count: int) -> AnonymisationRecord:
    """One row of the anonymisation log; ``purpose`` and ``method`` are lazy messages,
    stored in the site's default language (the staff's)."""
    with translation.override(settings.LANGUAGE_CODE):
        return AnonymisationRecord.objects.create(
            command=command,
            purpose=str(purpose)[:300],
            method=str(method)[:300],
            count=count,
            run_by=operator(),
        )


class AnonymiseCommand(BaseCommand):
    """A retention command: anonymise what ``due(months)`` finds, with ``--months`` (its
    default from the setting ``months_setting``) and ``--dry-run`` (list, change nothing).
    ``noun`` names what is counted in the report (« application(s) »); ``purpose`` and
    ``method`` (lazy messages with ``{months}``) are written to the anonymisation log."""

    months_setting = ""
    noun = ""
    purpose = ""
    method = ""

    def due(self, months: int):
        raise NotImplementedError

    def anonymise(self, case) -> None:
        raise NotImplementedError

    def add_arguments(self, parser):
        default = getattr(settings, self.months_setting)
        parser.add_argument(
            "--months",
            type=int,
            default=default,
            help=f"Retention period in months (default: {self.months_setting}, {default}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be anonymised; change nothing."
        )

    def handle(self, *args, months, dry_run, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        due = list(self.due(months))

        def act(case) -> None:
            if not dry_run:
                self.anonymise(case)
            verb = "would anonymise" if dry_run else "anonymised"
            self.stdout.write(f"{verb} {case.reference} (closed {case.closed_at.date()})")

        outcome = each_on_its_own(due, act, name=lambda case: case.reference)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{outcome.done} {self.noun} {verb} (older than {months} months).")
        if not dry_run:
            record_run(
                self.command_name(),
                purpose=format_lazy(self.purpose, months=months),
                method=self.method,
                count=outcome.done,
            )
        self.also(months, outcome, dry_run=dry_run)
        report_failures(self, outcome)

    def also(self, months: int, outcome: RunOutcome, *, dry_run: bool) -> None:
        """What else the command anonymises, with its own log row; its failures are added
        to ``outcome``, so that the command reports them too."""

    def command_name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]
