"""The applicant's personal link to a request for more information: its token (the
request's random id signed with the site's secret key), its full address, and what makes
it unusable (forged, expired, used)."""

import uuid

from django.conf import settings
from django.core import signing
from django.utils import timezone, translation

from .choices import Status
from .models import InfoRequest, MembershipPage

INFO_REQUEST_SALT = "membership.info-request"


class InvalidLink(Exception):
    """The link cannot be used; ``reason`` is « forged », « expired » or « used »."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _signer() -> signing.Signer:
    return signing.Signer(salt=INFO_REQUEST_SALT)


def link_token(info_request: InfoRequest) -> str:
    """The token of the applicant's link: the request's random id (32 hexadecimal digits)
    followed by its signature with the site's secret key, so that no other value is
    accepted. Letters, digits, « - » and « _ » only: Wagtail's page URLs allow no more."""
    value = info_request.token.hex
    return value + _signer().sign(value)[len(value) + 1 :]


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
    value, signature = token[:32], token[32:]
    try:
        _signer().unsign(f"{value}:{signature}")
        token_uuid = uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink("forged") from error
    info_request = (
        InfoRequest.objects.select_related("application").filter(token=token_uuid).first()
    )
    if info_request is None:
        raise InvalidLink("forged")
    check_usable(info_request)
    return info_request


def check_usable(info_request: InfoRequest):
    if info_request.used_at is not None:
        raise InvalidLink("used")
    if (
        info_request.expires_at <= timezone.now()
        or info_request.application.status != Status.INFO_REQUESTED
    ):
        raise InvalidLink("expired")
