"""A registration's single-use cancellation link (consortium.messaging.personal_links)."""

from django.conf import settings
from django.utils import translation

from consortium.messaging.personal_links import InvalidLink, token_for, uuid_from

from .models import Registration

SALT = "events.cancel"
__all__ = ["InvalidLink", "cancel_url", "resolve"]


def cancel_url(registration: Registration) -> str:
    page = registration.event
    localized = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=registration.language)
        .live()
        .specific()
        .first()
        or page
    )
    with translation.override(localized.locale.language_code):
        route = localized.reverse_subpage("cancel", args=[token_for(registration.token, SALT)])
    _site_id, _root, page_path = localized.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + page_path + route


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
