"""The newsletter's retention (Loi 25): a request never confirmed serves no purpose once its
link has expired; it is deleted (with its consent record and emails) some days later, the
time for the person to ask again and find their history (`purge_newsletter_requests`).
Confirmed and unsubscribed subscribers are kept: the proof of consent and of the
unsubscribe (CASL)."""

import datetime

from django.utils import timezone

from .models import Subscriber


def due_for_deletion(days: int, now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        confirmed_at__isnull=True,  # never subscribed (a former one keeps their history)
        confirmation_expires_at__lt=cutoff,
    )
