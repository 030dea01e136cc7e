"""`manage.py anonymise_applications`: anonymise refused and withdrawn applications closed
for longer than the retention period, and the contacts of members that resigned or were
excluded longer than MEMBER_RETENTION_MONTHS ago (Loi 25; README « Scheduled jobs » has the
cron line).

``--dry-run`` lists what would be anonymised and changes nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from membership import member_retention
from membership.retention import anonymise, due_for_anonymisation


class Command(BaseCommand):
    help = "Anonymise refused and withdrawn membership applications past the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.MEMBERSHIP_RETENTION_MONTHS,
            help="Retention period in months (default: MEMBERSHIP_RETENTION_MONTHS, 24).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be anonymised; change nothing."
        )

    def handle(self, *args, months, dry_run, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        due = list(due_for_anonymisation(months))
        for application in due:
            closed = application.closed_at.date().isoformat()
            if dry_run:
                self.stdout.write(f"would anonymise {application.reference} (closed {closed})")
            else:
                anonymise(application)
                self.stdout.write(f"anonymised {application.reference} (closed {closed})")
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(due)} application(s) {verb} (older than {months} months).")
        former = list(member_retention.due_for_anonymisation(settings.MEMBER_RETENTION_MONTHS))
        for member in former:
            if not dry_run:
                member_retention.anonymise(member)
        self.stdout.write(
            f"{len(former)} former member(s)' contacts {verb} "
            f"(older than {settings.MEMBER_RETENTION_MONTHS} months)."
        )
