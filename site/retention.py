"""Retention (Loi 25), written once for every kind of case: closed cases are anonymised
once they have been closed for a configurable number of months.

An app names its closed statuses, the fields that identify someone and the related rows
to delete; ``due`` finds what is due and ``anonymise`` keeps what statistics need
(reference, dates, status, region, …) and removes the rest: the identifying fields, the
attachments (their files once the transaction commits: a rolled-back anonymisation keeps
them), the internal notes, the emails sent, and the name and notes in the audit log.
"""

import calendar
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import ModelLogEntry

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


class AnonymiseCommand(BaseCommand):
    """A retention command: anonymise what ``due(months)`` finds, with ``--months`` (its
    default from the setting ``months_setting``) and ``--dry-run`` (list, change nothing).
    ``noun`` names what is counted in the report (« application(s) »)."""

    months_setting = ""
    noun = ""

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
