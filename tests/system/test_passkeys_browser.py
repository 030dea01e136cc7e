"""Passkeys and security keys (WebAuthn, SPEC §13) in a real Chromium with a virtual
authenticator (Chrome DevTools' WebAuthn domain: a platform authenticator that answers
as a fingerprint reader would). A committee member with no second factor yet enrols a
passkey on the page the admin opens, goes on to the page asked for, signs out, signs in
again with the passkey; recovery codes still sign in; no script is blocked by the
admin's Content-Security-Policy and every word is French."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp_webauthn.models import WebAuthnCredential

from consortium.bootstrap.site_setup import run_setup
from consortium.staff import roles
from tests.fixtures.browser import record_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un-mot-de-passe-assez-long"  # noqa: S105


def with_fingerprint_reader(page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def password_step(page, base: str, asked: str = "/admin/") -> None:
    page.goto(f"{base}/admin/login/?next={asked}")
    page.locator("#id_username").fill("comite")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")


def test_a_passkey_is_enrolled_then_signs_in_and_recovery_codes_still_work(
    live_server, browser_page, site_tree, django_user_model
):
    run_setup()
    user = django_user_model.objects.create_user("comite", password=PASSWORD)
    user.groups.add(Group.objects.get(name=roles.COMMITTEE_GROUP))
    page, base = browser_page, live_server.url
    blocked: list[str] = []
    record_policy_violations(page, blocked)
    with_fingerprint_reader(page)

    # No second factor yet: the admin asks for one, a passkey is offered beside the app.
    password_step(page, base, asked="/admin/membership-applications/")
    page.wait_for_url(re.compile(r"/admin/2fa/devices/new\?next="))
    page.get_by_role("button", name="Ajouter une clé d’accès ou une clé de sécurité").click()
    # Enrolled, the person goes on to the page asked for.
    page.wait_for_url(f"{base}/admin/membership-applications/")
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1

    # Recovery codes, made now, with the passkey as the account's factor.
    page.goto(f"{base}/admin/2fa/recovery-codes/")
    page.get_by_role("button", name=re.compile("codes de secours", re.I)).click()
    page.locator("ol.recovery-codes li").first.wait_for()
    codes = page.locator("ol.recovery-codes li").all_inner_texts()
    assert len(codes) == 10, codes

    # Signed out, then in again with the passkey alone as the second step.
    page.context.clear_cookies()
    password_step(page, base)
    page.wait_for_url(re.compile(r"/admin/2fa/auth"))
    page.get_by_role("button", name="Utiliser ma clé d’accès ou ma clé de sécurité").click()
    page.wait_for_url(f"{base}/admin/")

    # Without the passkey (another device), a recovery code signs in.
    page.context.clear_cookies()
    password_step(page, base)
    page.wait_for_url(re.compile(r"/admin/2fa/auth"))
    page.get_by_label("Code").fill(codes[0].strip())
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/admin/")
    assert blocked == []
