"""One structured log line per request, with a request id and no personal data."""

import json
import logging
import re

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin

from consortium.security.request_log import loggable_path

pytestmark = pytest.mark.django_db


def lines(caplog) -> list[dict]:
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "consortium.requests"
    ]


def test_one_line_per_request_with_its_id_and_no_personal_data(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="consortium.requests")
    response = client.get("/fr/recherche/?q=marie.tremblay@example.org", REMOTE_ADDR="203.0.113.7")
    (line,) = lines(caplog)
    assert set(line) == {
        "request_id",
        "method",
        "path",
        "status",
        "duration_ms",
        "signed_in",
        "client_network",
    }
    assert line["client_network"] == "203.0.113.0/24"  # the network, never the address
    assert "203.0.113.7" not in json.dumps(line)
    assert line["method"] == "GET" and line["path"] == "/fr/recherche/"
    assert line["status"] == 200 and line["signed_in"] is False
    assert response["X-Request-ID"] == line["request_id"] and len(line["request_id"]) == 32
    text = caplog.text
    assert "marie" not in text and "203.0.113.7" not in text


def test_the_load_balancers_request_id_is_kept_when_well_formed(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="consortium.requests")
    client.get("/fr/", HTTP_X_REQUEST_ID="lb-7f3a9c21")
    client.get("/fr/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    first, second = lines(caplog)
    assert first["request_id"] == "lb-7f3a9c21"
    assert second["request_id"] != "<script>alert(1)</script>" and "<" not in second["request_id"]


def test_personal_links_are_masked_and_users_are_not_named(admin_client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="consortium.requests")
    admin_client.get("/fr/adhesion/complement/0123456789abcdefsecret/")
    admin_client.get("/admin/")
    masked, admin = lines(caplog)
    assert masked["path"] == "/fr/adhesion/complement/…/"
    assert not any("secret" in json.dumps(line) for line in (masked, admin))
    assert admin["signed_in"] is True and "admin" not in json.dumps(admin).replace("/admin/", "")


def token_routes(patterns, prefix="") -> list[str]:
    """Every address pattern of the site's URLs and routable pages that holds a token."""
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += token_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and "token" in route:
            found.append(route)
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_route_with_a_token_is_masked(language):
    """A new personal link cannot leak into the logs: each route with a token, in each
    language, comes out of ``loggable_path`` without it."""
    with translation.override(language):
        routes = token_routes(get_resolver().url_patterns)
        for model in apps.get_models():
            if issubclass(model, RoutablePageMixin):
                routes += ["/page/" + str(p.pattern) for p in model.get_subpage_urls()]
    routes = [route for route in routes if "token>" in route]
    assert len(routes) >= 9, routes
    assert any("password_reset" in route for route in routes), routes
    for route in routes:
        path = "/" + re.sub(r"<(?:\w+:)?token>", "s3cr3t-t0ken", route.lstrip("^/"))
        path = re.sub(r"<(?:\w+:)?\w+>", "Mg", path)
        masked = loggable_path(path)
        assert "s3cr3t" not in masked, (route, masked)
