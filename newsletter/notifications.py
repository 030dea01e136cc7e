"""The newsletter's emails (consortium.messaging.outbox), in plain text and the subscriber's
language. Every one names the sender and its offices' postal addresses
(consortium.messaging.sender) and carries the unsubscribe link, in its text and in the
``List-Unsubscribe`` headers (RFC 2369, one click: RFC 8058). While an office's address is
incomplete they wait in the outbox (:func:`held_back`): CASL forbids sending them without."""

from django.utils.translation import gettext

from consortium.messaging import outbox
from consortium.messaging.sender import ORGANISATION, missing_postal_address

from .links import confirm_url, one_click_url, unsubscribe_url
from .models import NewsletterEmail


def _context(email: NewsletterEmail) -> dict:
    subscriber = email.subscriber
    return {
        "subscriber": subscriber,
        "confirm_url": confirm_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
        "sender": ORGANISATION,
    }


def held_back() -> str:
    """Why the newsletter's emails wait, or "" when they may go (the outbox's hold)."""
    if missing_postal_address():
        return gettext("Held: an office has no full postal address in the contact settings (CASL).")
    return ""


def unsubscribe_headers(subscriber) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{one_click_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message(email: NewsletterEmail):
    built = outbox.plain_message(email, f"newsletter/email/{email.kind}", _context)
    built.extra_headers.update(unsubscribe_headers(email.subscriber))
    return built
