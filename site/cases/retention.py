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
"""

import calendar
import datetime
import getpass
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import format_lazy
from wagtail.models import ModelLogEntry

from consortium.models import AnonymisationRecord

ANONYMISED_NAME = "—"


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
        for case in due:
            closed = case.closed_at.date().isoformat()
            if not dry_run:
                self.anonymise(case)
            verb = "would anonymise" if dry_run else "anonymised"
            self.stdout.write(f"{verb} {case.reference} (closed {closed})")
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(due)} {self.noun} {verb} (older than {months} months).")
        if not dry_run:
            record_run(
                self.command_name(),
                purpose=format_lazy(self.purpose, months=months),
                method=self.method,
                count=len(due),
            )

    def command_name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]
