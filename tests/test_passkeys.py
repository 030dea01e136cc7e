"""Passkeys beside the authenticator app (consortium.upstream.otp_webauthn): the French of
django-otp-webauthn's scripts is served, the relying party follows the site's host, an
unverified account reaches the passkey's sign-in addresses only; a guard per workaround
fails when upstream changes. The journey itself runs in a real browser
(tests/system/test_passkeys_browser.py)."""

from pathlib import Path

import django_otp_webauthn
import pytest
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware

from consortium.bootstrap.site_setup import run_setup
from consortium.staff import roles
from consortium.upstream.otp_webauthn import PasskeyHelper

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-assez-long"  # noqa: S105


@pytest.fixture
def unverified(site_tree, django_user_model):
    """A committee member past the password, before the second step."""
    run_setup()
    user = django_user_model.objects.create_user("comite", password=PASSWORD)
    user.groups.add(Group.objects.get(name=roles.COMMITTEE_GROUP))
    client = Client()
    assert (
        client.post("/admin/login/", {"username": "comite", "password": PASSWORD}).status_code
        == 302
    )
    return client


def test_the_scripts_speak_french(unverified):
    catalogue = unverified.get("/admin/2fa/passkeys/jsi18n/")
    assert catalogue.status_code == 200
    text = catalogue.content.decode()
    assert "Cl\\u00e9 d\\u2019acc\\u00e8s ajout\\u00e9e." in text or "Clé d’accès ajoutée." in text


def test_an_unverified_account_reaches_the_passkey_enrolment_and_nothing_else(unverified):
    begin = unverified.post(
        "/admin/2fa/passkeys/registration/begin/", content_type="application/json", data={}
    )
    assert begin.status_code == 200 and "challenge" in begin.json()
    assert unverified.get("/admin/membership-applications/").status_code == 302


def test_the_relying_party_is_the_host_the_site_answers_at(settings):
    settings.ALLOWED_HOSTS = ["leconsortium.coop", "localhost"]
    request = RequestFactory().get("/admin/", HTTP_HOST="leconsortium.coop", secure=True)
    helper = PasskeyHelper(request=request)
    assert helper.get_relying_party_domain() == "leconsortium.coop"
    assert helper.get_allowed_origins() == ["https://leconsortium.coop"]
    local = PasskeyHelper(request=RequestFactory().get("/", HTTP_HOST="localhost:8123"))
    assert local.get_relying_party_domain() == "localhost"
    assert local.get_allowed_origins() == ["http://localhost:8123"]


def test_guard_upstream_still_lacks_french_and_our_middleware_names():
    """When this fails, upstream changed: are consortium.upstream.otp_webauthn's catalogue
    and wagtail_2fa.SecondFactorMiddleware still needed?"""
    assert not (Path(django_otp_webauthn.__file__).parent / "locale" / "fr").exists()
    allowed = VerifyUserPermissionsMiddleware._allowed_url_names
    assert "credential-authentication-begin" not in allowed
