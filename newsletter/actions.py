"""What happens to a subscription, each step in one transaction: a request (from the
newsletter's page, the footer or the membership form), its confirmation, an unsubscribe.

A request never says whether an address is already known (anyone may type anyone's
address): a pending or former subscriber gets a new confirmation link, a confirmed one a
notice that they already are. At most NEWSLETTER_EMAILS_PER_DAY such emails go to one
address in a day, so the form cannot be used to flood someone's inbox.
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from consortium.messaging import outbox

from .models import ConsentRecord, NewsletterEmail, ProviderCall, Subscriber
from .provider import configured as provider_configured


def _queue_email(subscriber: Subscriber, kind: str) -> NewsletterEmail | None:
    since = timezone.now() - datetime.timedelta(days=1)
    sent_today = NewsletterEmail.objects.filter(recipient=subscriber.email, created_at__gte=since)
    if sent_today.count() >= settings.NEWSLETTER_EMAILS_PER_DAY:
        return None
    return outbox.queue(
        NewsletterEmail,
        subscriber=subscriber,
        kind=kind,
        recipient=subscriber.email,
        language=subscriber.language,
    )


def _queue_provider_call(subscriber: Subscriber, kind: str) -> ProviderCall | None:
    if not provider_configured():
        return None
    return outbox.queue(
        ProviderCall,
        subscriber=subscriber,
        kind=kind,
        recipient=subscriber.email,
        language=subscriber.language,
    )


def request_subscription(
    *, email: str, name: str, language: str, source: str, text_shown: str, policy_version=""
) -> Subscriber:
    """Record a request and queue its email (a confirmation link, or the notice that the
    address is already subscribed)."""
    now = timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "name": name,
                "language": language,
                "requested_at": now,
                "confirmation_expires_at": now,
            },
        )
        if subscriber.status == Subscriber.Status.CONFIRMED:
            _queue_email(subscriber, NewsletterEmail.Kind.ALREADY_SUBSCRIBED)
            return subscriber
        subscriber.name = name or subscriber.name
        subscriber.language = language
        subscriber.status = Subscriber.Status.PENDING
        subscriber.requested_at = now
        subscriber.confirmation_token = uuid.uuid4()  # the previous link stops working
        subscriber.confirmation_expires_at = now + datetime.timedelta(
            days=settings.NEWSLETTER_CONFIRMATION_DAYS
        )
        subscriber.save()
        ConsentRecord.objects.create(
            subscriber=subscriber,
            source=source,
            requested_at=now,
            language=language,
            text_shown=text_shown,
            policy_version=policy_version,
        )
        _queue_email(subscriber, NewsletterEmail.Kind.CONFIRMATION)
    return subscriber


def confirm(subscriber: Subscriber) -> Subscriber:
    """The link was clicked: subscribed from now, the latest request's consent confirmed,
    and the provider told (when one is configured)."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Subscriber.Status.PENDING:
            return subscriber
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        consent = subscriber.consents.order_by("-requested_at", "-pk").first()
        if consent is not None:
            consent.confirmed_at = now
            consent.save(update_fields=["confirmed_at"])
        _queue_provider_call(subscriber, ProviderCall.Kind.ADD)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> Subscriber:
    """Honoured at once: out of every export from now, and out of the provider's group by
    the next call. A pending request is withdrawn the same way (its link stops working)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return subscriber
        was_confirmed = subscriber.status == Subscriber.Status.CONFIRMED
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        if was_confirmed:
            _queue_provider_call(subscriber, ProviderCall.Kind.REMOVE)
    return subscriber
