"""A committee member's first sign-in in Chromium: the password, then enrolment of an
authenticator app from the key the page shows (the code computed from it, as the phone
does), recovery codes; then a later sign-in with the app's code, and one with a recovery
code. Nothing the admin's Content-Security-Policy refuses; axe-core finds the code page
clean."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP

from consortium.bootstrap.site_setup import run_setup
from consortium.staff import roles
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.browser import new_page, record_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un-mot-de-passe-assez-long"  # noqa: S105


def app_code(key: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for ``key`` (base32, as the page prints it)."""
    secret = key.replace(" ", "")
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def password_step(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill("camille")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")


@pytest.fixture
def member(site_tree, django_user_model):
    run_setup()
    user = django_user_model.objects.create_user("camille", password=PASSWORD)
    user.groups.add(Group.objects.get(name=roles.COMMITTEE_GROUP))
    return user


def test_enrolment_then_sign_in_with_the_app_and_with_a_recovery_code(
    live_server, chromium, member
):
    blocked: list[str] = []
    page = new_page(chromium)
    record_policy_violations(page, blocked)
    try:
        password_step(page, live_server.url)
        page.wait_for_url(re.compile(r"/admin/2fa/devices/new"))
        assert page.get_by_role("heading", name="Connexion à deux facteurs").is_visible()
        qr = page.get_by_role("img", name=re.compile("Code QR"))
        assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
        key = page.locator("#totp-key").inner_text()
        page.get_by_label("Nom").fill("Téléphone de Camille")
        page.get_by_label("Jeton OTP").fill(app_code(key))
        page.get_by_label("Mot de passe actuel").fill(PASSWORD)
        page.get_by_role("button", name="Activer la connexion à deux facteurs").click()
        # Enrolled, the person goes on to the page asked for (the dashboard here).
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(f"{live_server.url}/admin/2fa/devices/{member.pk}")
        assert page.locator("strong", has_text="Téléphone de Camille").is_visible()

        page.get_by_role("link", name="Voir combien il en reste, ou en créer de nouveaux").click()
        page.get_by_role("button", name="Créer dix nouveaux codes de secours").click()
        page.locator(".recovery-codes").wait_for()
        codes = page.locator(".recovery-codes code").all_inner_texts()
        assert len(codes) == 10

        # Later, in a new browser: the password, then the app's code (the next one: the
        # current one was spent on enrolment).
        page.context.close()
        page = new_page(chromium)
        record_policy_violations(page, blocked)
        password_step(page, live_server.url)
        page.wait_for_url(re.compile(r"/admin/2fa/auth"))
        assert_no_axe_violations(page)
        page.get_by_label("Code").fill("000000")
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_text("Ce code ne convient pas").wait_for()  # and still on the code page
        assert page.url.startswith(f"{live_server.url}/admin/2fa/auth")
        time.sleep(1.1)  # django-otp's pause after a wrong code
        page.get_by_label("Code").fill(app_code(key, steps_ahead=1))
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        assert page.get_by_role("link", name=re.compile("Demandes d’adhésion")).count() >= 1

        # Phone lost: a recovery code signs in once.
        page.context.close()
        page = new_page(chromium)
        record_policy_violations(page, blocked)
        password_step(page, live_server.url)
        page.wait_for_url(re.compile(r"/admin/2fa/auth"))
        page.get_by_label("Code").fill(codes[0])
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{live_server.url}/admin/")
    finally:
        page.context.close()
    assert blocked == []
