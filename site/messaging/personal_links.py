"""Personal single-use links, written once for every app that emails one (the applicant's
request for more information; later event cancellations and newsletter confirmations).

A link's token is a row's random id (a UUID, 32 hexadecimal digits) followed by its
signature with the site's secret key under the app's salt, so that no other value is
accepted; letters, digits, « - » and « _ » only (Wagtail's page URLs allow no more). What
makes a link unusable is said by :class:`InvalidLink`'s ``reason``: « forged », « expired »
or « used » — and nothing about what the link is for.
"""

import datetime
import uuid

from django.core import signing
from django.utils import timezone


class InvalidLink(Exception):
    """The link cannot be used; ``reason`` is « forged », « expired » or « used »."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_for(value: uuid.UUID, salt: str) -> str:
    hex_value = value.hex
    return hex_value + signing.Signer(salt=salt).sign(hex_value)[len(hex_value) + 1 :]


def uuid_from(token: str, salt: str) -> uuid.UUID:
    """The id a token stands for, or InvalidLink("forged")."""
    value, signature = token[:32], token[32:]
    try:
        signing.Signer(salt=salt).unsign(f"{value}:{signature}")
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink("forged") from error


def check_single_use(
    used_at: datetime.datetime | None,
    expires_at: datetime.datetime | None,
    *,
    still_wanted: bool = True,
) -> None:
    """InvalidLink when the link was used, has expired (or has no expiry recorded: a
    single-use link never lasts for ever), or is no longer wanted."""
    if used_at is not None:
        raise InvalidLink("used")
    if expires_at is None or expires_at <= timezone.now() or not still_wanted:
        raise InvalidLink("expired")
