"""What a person is shown when they ask for the newsletter (CASL: the sender named with its
mailing address, what they will receive, that they may unsubscribe at any time). The same
sentence, in the form's language, is stored in their consent record."""

from django.utils import translation
from django.utils.translation import gettext as _

from consortium.messaging.sender import ORGANISATION, postal_addresses


def mailing_address() -> str:
    """The first office's full postal address, on one line (the contact settings)."""
    addresses = postal_addresses()
    return addresses[0] if addresses else ""


def casl_text(language: str) -> str:
    """The consent sentence in ``language``."""
    address = mailing_address()
    with translation.override(language):
        sender = f"{ORGANISATION}, {address}" if address else ORGANISATION
        return _(
            "By subscribing, you agree to receive the newsletter of the {sender}: news of its "
            "services, events and members, about once a month. You will receive an email to "
            "confirm; every issue has a link to unsubscribe at any time."
        ).format(sender=sender)
