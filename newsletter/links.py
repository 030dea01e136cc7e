"""The subscriber's personal links (consortium.messaging.personal_links): the confirmation link
(single use, expiring, renewed by each request) and the unsubscribe link (permanent; the
page asks for one click, and mail clients post to it directly: RFC 8058)."""

from django.conf import settings
from django.urls import reverse

from consortium.messaging.personal_links import InvalidLink, check_single_use, token_for, uuid_from
from consortium.pages.links import live_page, live_page_url

from .models import NewsletterPage, Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
__all__ = ["InvalidLink", "confirm_url", "one_click_url", "resolve_confirmation"]


def page_in(language: str) -> NewsletterPage | None:
    """The live newsletter page in ``language`` (consortium.pages.links's fallback; one
    query: the footer of every page asks)."""
    return live_page(NewsletterPage, language)


def _page_route(language: str, route: str, token: str) -> str:
    return live_page_url(NewsletterPage, language, route, [token])


def confirm_url(subscriber: Subscriber) -> str:
    return _page_route(
        subscriber.language, "confirm", token_for(subscriber.confirmation_token, CONFIRM_SALT)
    )


def unsubscribe_token(subscriber: Subscriber) -> str:
    return token_for(subscriber.unsubscribe_token, UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber: Subscriber) -> str:
    """The link in the email's text: the page with the one button, in their language."""
    return _page_route(subscriber.language, "unsubscribe", unsubscribe_token(subscriber))


def one_click_url(subscriber: Subscriber) -> str:
    """The List-Unsubscribe address: a POST unsubscribes (RFC 8058), a GET shows the page."""
    path = reverse("newsletter_one_click", args=[unsubscribe_token(subscriber)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def resolve_confirmation(token: str) -> Subscriber:
    """The pending subscriber a confirmation link stands for, or InvalidLink."""
    subscriber = Subscriber.objects.filter(
        confirmation_token=uuid_from(token, CONFIRM_SALT)
    ).first()
    if subscriber is None:
        raise InvalidLink("forged")
    check_single_use(
        subscriber.confirmed_at if subscriber.status == Subscriber.Status.CONFIRMED else None,
        subscriber.confirmation_expires_at,
        still_wanted=subscriber.status == Subscriber.Status.PENDING,
    )
    return subscriber


def resolve_unsubscribe(token: str) -> Subscriber:
    """The subscriber an unsubscribe link stands for (whatever their status), or
    InvalidLink("forged")."""
    subscriber = Subscriber.objects.filter(
        unsubscribe_token=uuid_from(token, UNSUBSCRIBE_SALT)
    ).first()
    if subscriber is None:
        raise InvalidLink("forged")
    return subscriber
