"""`manage.py anonymise_event_registrations`: remove the attendees' personal information
EVENT_REGISTRATION_RETENTION_DAYS days after their event (Loi 25; daily by cron).
``--dry-run`` counts and changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import finish_run
from events.retention import anonymise, due_for_anonymisation


class Command(BaseCommand):
    help = "Anonymise event registrations past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.EVENT_REGISTRATION_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        due = due_for_anonymisation(days)
        if dry_run:
            self.stdout.write(
                f"{due.count()} registration(s) would be anonymised (events over {days} days ago)."
            )
            return
        outcome = anonymise(due)
        self.stdout.write(
            f"{outcome.done} registration(s) anonymised (events over {days} days ago)."
        )
        finish_run(
            self,
            "anonymise_event_registrations",
            purpose=format_lazy(
                _("Registrations to events held more than {days} days ago"), days=days
            ),
            method=_("Names, organisations and emails cleared; the counts per event kept"),
            outcome=outcome,
        )
