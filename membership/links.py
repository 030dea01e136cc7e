"""The applicant's personal link to a request for more information: its token, its full
address, and what makes it unusable (forged, expired, used; consortium.messaging.personal_links)."""

from consortium.messaging.personal_links import InvalidLink, check_single_use, token_for, uuid_from
from consortium.pages.links import live_page_url

from .choices import Status
from .models import InfoRequest, MembershipPage

INFO_REQUEST_SALT = "membership.info-request"
__all__ = ["InvalidLink", "check_usable", "info_request_url", "link_token", "resolve_link"]


def link_token(info_request: InfoRequest) -> str:
    """The token of the applicant's link (consortium.messaging.personal_links)."""
    return token_for(info_request.token, INFO_REQUEST_SALT)


def info_request_url(info_request: InfoRequest) -> str:
    """The full address of the link, on the membership page of the applicant's language."""
    return live_page_url(
        MembershipPage,
        info_request.application.language,
        "info_request",
        [link_token(info_request)],
    )


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
