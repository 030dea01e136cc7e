"""The newsletter's emails (consortium.messaging.outbox), in plain text and the subscriber's
language. Every one names the sender and its mailing address and carries the unsubscribe link,
in its text and in the ``List-Unsubscribe`` headers (RFC 2369, one click: RFC 8058)."""

from consortium.messaging import outbox

from .consent import ORGANISATION, mailing_address
from .links import confirm_url, one_click_url, unsubscribe_url
from .models import NewsletterEmail


def _context(email: NewsletterEmail) -> dict:
    subscriber = email.subscriber
    return {
        "subscriber": subscriber,
        "confirm_url": confirm_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
        "sender": ORGANISATION,
        "address": mailing_address(),
    }


def unsubscribe_headers(subscriber) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{one_click_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message(email: NewsletterEmail):
    built = outbox.plain_message(email, f"newsletter/email/{email.kind}", _context)
    built.extra_headers.update(unsubscribe_headers(email.subscriber))
    return built
