"""Security headers on a public page, a form page and the admin (issue #8)."""

import pytest

from membership.tests.conftest import membership  # noqa: F401 - the form page's fixture

pytestmark = pytest.mark.django_db

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.usefixtures("membership")
@pytest.mark.parametrize("url", ["/fr/", "/fr/adhesion/", "/en/membership/"])
def test_public_pages_and_forms_have_a_strict_content_security_policy(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    for name in ("default-src", "script-src", "style-src", "font-src", "connect-src"):
        assert policy[name] == ["'self'"], name
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    for name, value in COMMON.items():
        assert response[name] == value, name
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions


def test_the_admin_has_its_own_policy_and_the_other_headers(admin_client, client, site_tree):
    for response in (client.get("/admin/login/"), admin_client.get("/admin/")):
        assert response.status_code == 200
        for name, value in COMMON.items():
            assert response[name] == value, name
        assert response["X-Frame-Options"] == "DENY"
        assert "microphone=()" in response["Permissions-Policy"]
        policy = {
            name: set(values)
            for name, values in directives(response["Content-Security-Policy"]).items()
        }
        # Wagtail 7 still writes inline scripts and styles: allowed there, and only there…
        assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["style-src"] == {"'self'", "'unsafe-inline'"}
        # …everything else from the site itself: nothing loaded from or sent elsewhere.
        for name in ("default-src", "connect-src", "font-src", "form-action", "base-uri"):
            assert policy[name] == {"'self'"}, name
        assert policy["object-src"] == {"'none'"}
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    # The public site keeps its strict policy.
    assert "'unsafe-inline'" not in client.get("/fr/")["Content-Security-Policy"]


def test_static_files_errors_and_redirects_carry_the_resource_policy_too(client, site_tree):
    """Every response, not only pages: a static file (WhiteNoise), a 404, a redirect."""
    from django.contrib.staticfiles import finders

    assert finders.find("consortium/css/site.css")
    responses = [
        client.get("/static/consortium/css/site.css"),
        client.get("/fr/nulle-part/"),
        client.get("/"),
    ]
    assert [response.status_code for response in responses] == [200, 404, 302]
    for response in responses:
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.usefixtures("membership")
def test_the_public_templates_have_no_inline_script_or_style(client, site_tree):
    """What keeps the policy without 'unsafe-inline' true: nothing inline to allow."""
    from bs4 import BeautifulSoup

    for url in ("/fr/", "/fr/adhesion/"):
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        scripts = [tag for tag in soup.find_all("script") if not tag.get("src")]
        assert all(tag.get("type") == "application/json" for tag in scripts), url
        assert soup.find_all("style") == [] and soup.select("[style]") == [], url
        assert not any(name.startswith("on") for tag in soup.find_all() for name in tag.attrs)
