"""`manage.py purge_held_submissions`: delete submissions held by the anti-spam rules once
they are older than HELD_SUBMISSION_RETENTION_DAYS (consortium.intake.held; run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import record_run
from consortium.intake.held import purge


class Command(BaseCommand):
    help = "Delete held submissions (honeypot, rate limit) past their retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.HELD_SUBMISSION_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = purge(days)
        self.stdout.write(f"{count} held submission(s) deleted (older than {days} days).")
        record_run(
            "purge_held_submissions",
            purpose=format_lazy(
                _("Submissions held by the anti-spam rules for more than {days} days"), days=days
            ),
            method=_("Deleted"),
            count=count,
        )
