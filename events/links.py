"""A registration's single-use cancellation link (consortium.messaging.personal_links)."""

from consortium.messaging.personal_links import InvalidLink, token_for, uuid_from
from consortium.pages.links import in_language, page_url

from .models import Registration

SALT = "events.cancel"
__all__ = ["InvalidLink", "cancel_url", "resolve"]


def cancel_url(registration: Registration) -> str:
    """The cancellation link, on the event's page in the registrant's language."""
    page = in_language(registration.event, registration.language)
    return page_url(page, "cancel", [token_for(registration.token, SALT)])


def resolve(token: str) -> Registration:
    """The registration a link stands for (not cancelled), or InvalidLink."""
    registration = (
        Registration.objects.select_related("event").filter(token=uuid_from(token, SALT)).first()
    )
    if registration is None:
        raise InvalidLink("forged")
    if registration.state == Registration.State.CANCELLED:
        raise InvalidLink("used")
    return registration
