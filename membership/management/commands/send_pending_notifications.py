"""`manage.py send_pending_notifications`: retry the emails that could not be sent yet.

Run it from cron (every 10 minutes, README « Background tasks »); it sends each pending
email once and reports how many went out.
"""

from django.core.management.base import BaseCommand

from consortium.messaging.outbox import deliver_pending


class Command(BaseCommand):
    help = "Send the emails still pending in every outbox (after a mail-server failure)."

    def handle(self, *args, **options):
        sent, pending = deliver_pending()
        self.stdout.write(f"{sent} of {pending} pending email(s) sent.")
