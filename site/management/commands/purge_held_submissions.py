"""`manage.py purge_held_submissions`: delete submissions held by the anti-spam rules once
they are older than HELD_SUBMISSION_RETENTION_DAYS (consortium.intake.held; run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import finish_run, in_batches
from consortium.intake.held import due_for_deletion
from consortium.models import HeldSubmission


class Command(BaseCommand):
    help = "Delete held submissions (honeypot, rate limit) past their retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.HELD_SUBMISSION_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        outcome = in_batches(
            list(due_for_deletion(days).values_list("pk", flat=True)),
            lambda batch: HeldSubmission.objects.filter(pk__in=batch).delete(),
        )
        self.stdout.write(f"{outcome.done} held submission(s) deleted (older than {days} days).")
        finish_run(
            self,
            "purge_held_submissions",
            purpose=format_lazy(
                _("Submissions held by the anti-spam rules for more than {days} days"), days=days
            ),
            method=_("Deleted"),
            outcome=outcome,
        )
