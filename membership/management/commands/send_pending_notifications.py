"""`manage.py send_pending_notifications`: retry the emails that could not be sent yet.

Run it from cron (every 10 minutes, README « Background tasks »); it sends each pending
email once and reports how many went out.
"""

from django.core.management.base import BaseCommand

from membership.models import Notification
from membership.notifications import deliver


class Command(BaseCommand):
    help = "Send the membership emails still pending (after a mail-server failure)."

    def handle(self, *args, **options):
        pending = Notification.objects.filter(state=Notification.State.PENDING)
        ids = list(pending.order_by("pk").values_list("pk", flat=True))
        sent = sum(1 for notification_id in ids if deliver(notification_id))
        self.stdout.write(f"{sent} of {len(ids)} pending email(s) sent.")
