"""One structured log line per request, with a request id and no personal data.

The line is JSON on the `consortium.requests` logger: request id (the load balancer's
`X-Request-ID` when it sends a well-formed one, else a new one, echoed back in the
response), method, path without the query string (queries can hold search terms or the
signed tokens of personal links), status, duration in milliseconds, and whether the
visitor was signed in (a yes/no, never who), and the client's network — the real client's
behind the load balancer (``consortium.security.client_address``), cut to /24 (IPv4) or /48 (IPv6):
enough to see where a flood comes from, not to name a person. No full IP address, no user
name, no cookie.
"""

import json
import logging
import re
import time
import uuid

from consortium.security.client_address import client_address, log_network

logger = logging.getLogger("consortium.requests")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# What follows these is a secret (a personal link's token, an attachment's key), in
# French and in English: the applicant's « complement », the member's sign-in link, an
# event's cancellation, the newsletter's confirmation and unsubscription (the one-click
# address too) and the private attachments. tests/test_request_log.py checks that every
# route with a token is in this list.
SECRET_BEFORE = (
    "complement",
    "more-information",
    "connexion",
    "sign-in",
    "annuler",
    "cancel",
    "confirmer",
    "confirm",
    "desabonnement",
    "unsubscribe",
    "newsletter-unsubscribe",
    "attachments",
)
# Everything after the marker goes: Wagtail's password reset holds two secrets in a row.
SECRET_SEGMENT = re.compile(r"/({})/[^/].*$".format("|".join(map(re.escape, SECRET_BEFORE))))


def request_id(request) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if REQUEST_ID.match(given) else uuid.uuid4().hex


def loggable_path(path: str) -> str:
    return SECRET_SEGMENT.sub(r"/\1/…/", path)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        line = {
            "request_id": request.request_id,
            "method": request.method,
            "path": loggable_path(request.path),
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "signed_in": bool(user is not None and user.is_authenticated),
            "client_network": log_network(client_address(request)),
        }
        logger.info(json.dumps(line, ensure_ascii=False))
        response["X-Request-ID"] = request.request_id
        return response
