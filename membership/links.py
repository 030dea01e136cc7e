"""The applicant's personal link to a request for more information: its token, its full
address, and what makes it unusable (forged, expired, used; consortium.messaging.personal_links)."""

from django.conf import settings
from django.utils import translation

from consortium.messaging.personal_links import InvalidLink, check_single_use, token_for, uuid_from

from .choices import Status
from .models import InfoRequest, MembershipPage

INFO_REQUEST_SALT = "membership.info-request"
__all__ = ["InvalidLink", "check_usable", "info_request_url", "link_token", "resolve_link"]


def link_token(info_request: InfoRequest) -> str:
    """The token of the applicant's link (consortium.messaging.personal_links)."""
    return token_for(info_request.token, INFO_REQUEST_SALT)


def info_request_url(info_request: InfoRequest) -> str:
    """The full address of the link, on the membership page of the applicant's language."""
    pages = MembershipPage.objects.live().select_related("locale")
    page = (
        pages.filter(locale__language_code=info_request.application.language).first()
        or pages.first()
    )
    if page is None:
        return ""
    with translation.override(page.locale.language_code):
        route = page.reverse_subpage("info_request", args=[link_token(info_request)])
    # The site's public address, as configured (WAGTAILADMIN_BASE_URL: the same host
    # serves the site and its admin), rather than the Site record's host and port.
    _site_id, _root_url, page_path = page.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + page_path + route


def resolve_link(token: str) -> InfoRequest:
    """The request a link stands for, or InvalidLink (and nothing about the application)."""
    token_uuid = uuid_from(token, INFO_REQUEST_SALT)
    info_request = (
        InfoRequest.objects.select_related("application").filter(token=token_uuid).first()
    )
    if info_request is None:
        raise InvalidLink("forged")
    check_usable(info_request)
    return info_request


def check_usable(info_request: InfoRequest):
    check_single_use(
        info_request.used_at,
        info_request.expires_at,
        still_wanted=info_request.application.status == Status.INFO_REQUESTED,
    )
