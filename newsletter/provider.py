"""The optional sending tool (Cyberimpact), off unless CYBERIMPACT_API_TOKEN is set.

A confirmed subscriber is added to the group of their language with their proof of consent;
an unsubscribed one is removed from it. Each call is a row of the outbox (ProviderCall):
written in the transaction that confirms or unsubscribes, sent once it has committed,
retried by the outbox when the API fails or cannot be reached. Cyberimpact's REST API
(https://api.cyberimpact.com/docs): ``POST /members`` creates a member in groups, with
``relationType`` « express-consent »; an existing member (409) is added with ``POST
/members/{email}/groups``; ``DELETE /members/{email}/groups/{id}`` removes one (404: not
there, nothing to do). Calls use the standard library (no client library to pin).
"""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

TIMEOUT_SECONDS = 10
LANGUAGES = {"fr": "fr_ca", "en": "en_ca"}


class ProviderError(Exception):
    """The API answered with an error, or could not be reached (the call is retried)."""


def configured() -> bool:
    return bool(settings.CYBERIMPACT_API_TOKEN)


def group_for(language: str) -> str:
    return settings.CYBERIMPACT_GROUPS.get(language, "")


def _request(method: str, path: str, payload=None) -> int:
    url = settings.CYBERIMPACT_API_URL.rstrip("/") + path
    if not url.startswith(("https://", "http://")):
        raise ProviderError(f"CYBERIMPACT_API_URL must be an http(s) address, not {url!r}")
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 (checked)
    request.add_header("Authorization", f"Bearer {settings.CYBERIMPACT_API_TOKEN}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ProviderError(f"{method} {path}: {error}") from error


def _member_path(email: str, *rest: str) -> str:
    return "/".join(["/members", urllib.parse.quote(email, safe=""), *rest])


def add(subscriber) -> None:
    group = group_for(subscriber.language)
    consent = subscriber.consents.filter(confirmed_at__isnull=False).first()
    payload = {
        "email": subscriber.email,
        "firstname": subscriber.name,
        "language": LANGUAGES.get(subscriber.language, "fr_ca"),
        "groups": [group],
        "relationType": "express-consent",
        "consentDate": (consent.confirmed_at if consent else subscriber.confirmed_at)
        .date()
        .isoformat(),
        "consentProof": consent.text_shown if consent else "",
    }
    status = _request("POST", "/members", payload)
    if status == 409:  # already a member of the account: join the group
        status = _request("POST", _member_path(subscriber.email, "groups"), {"groups": [group]})
    if status >= 300:
        raise ProviderError(f"adding {subscriber.pk}: HTTP {status}")


def remove(subscriber) -> None:
    group = group_for(subscriber.language)
    status = _request("DELETE", _member_path(subscriber.email, "groups", group))
    if status >= 300 and status != 404:
        raise ProviderError(f"removing {subscriber.pk}: HTTP {status}")


def call(row) -> None:
    """Perform one ProviderCall (raises ProviderError for the outbox to retry). What is
    done follows the subscriber's status now, not when the call was queued: an addition
    retried after the person unsubscribed adds nobody, whatever order retries come in."""
    subscriber = row.subscriber
    confirmed = subscriber.status == subscriber.Status.CONFIRMED
    if row.kind == row.Kind.ADD and confirmed:
        add(subscriber)
    elif row.kind == row.Kind.REMOVE and not confirmed:
        remove(subscriber)
