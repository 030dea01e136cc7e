"""Moves the files staged while object storage did not answer to the store
(consortium.storage.staging); a scheduled job, beside the task the staging queues."""

from django.core.management.base import BaseCommand

from consortium.storage import staging


class Command(BaseCommand):
    help = "Move the files staged in the database to object storage."

    def handle(self, *args, **options):
        moved, waiting = staging.move_all()
        self.stdout.write(f"{moved} file(s) moved to object storage, {waiting} still waiting")
        if waiting:
            raise SystemExit(1)  # the timer's failure tells the operator the store is down
