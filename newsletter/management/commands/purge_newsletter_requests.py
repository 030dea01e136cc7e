"""`manage.py purge_newsletter_requests`: delete the newsletter requests never confirmed,
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS days after their link expired (Loi 25: nothing is
kept that serves no purpose; daily by cron). Writes a row of the anonymisation log;
``--dry-run`` counts and changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import finish_run, in_batches
from newsletter.models import Subscriber
from newsletter.retention import due_for_deletion


class Command(BaseCommand):
    help = "Delete newsletter requests that were never confirmed, past the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        due = due_for_deletion(days)
        count = due.count()
        if dry_run:
            self.stdout.write(f"{count} unconfirmed request(s) would be deleted.")
            return
        outcome = in_batches(
            list(due.values_list("pk", flat=True)),
            lambda batch: Subscriber.objects.filter(pk__in=batch).delete(),
        )
        self.stdout.write(
            f"{outcome.done} unconfirmed request(s) deleted (expired over {days} days ago)."
        )
        finish_run(
            self,
            "purge_newsletter_requests",
            purpose=format_lazy(
                _("Newsletter requests never confirmed, their link expired over {days} days ago"),
                days=days,
            ),
            method=_("Deleted, with their consent records and emails"),
            outcome=outcome,
        )
