"""The member space in a real browser: a contact asks for the link, follows it from the
email, updates the contacts and the directory consent, and signs out — with no axe-core
violation on any page of the journey, in both languages, at both widths."""

import datetime
import re

import pytest
from django.core import mail

from members import register
from members.factories import MemberFactory
from members.models import MemberContact, MemberSpacePage, MovementKind
from membership.factories import MemberDirectoryPageFactory
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.site import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "membre@alpha.example"
SPACES = {"fr": "/fr/espace-membre/", "en": "/en/member-area/"}
BUTTONS = {
    "fr": ("M’envoyer un lien de connexion", "Se connecter", "Enregistrer", "Se déconnecter"),
    "en": ("Send me a sign-in link", "Sign in", "Save", "Sign out"),
}
UPDATE_LINKS = {"fr": "Modifier l’adresse", "en": "Update the address"}


@pytest.fixture
def site(live_server, site_tree):
    page = MemberSpacePage(title="Espace membre", slug="espace-membre")
    site_tree.fr_home.add_child(instance=page)
    page.save_revision().publish()
    publish_translation(page, site_tree.locales["en"], title="Member area", slug="member-area")
    directory = MemberDirectoryPageFactory(parent=site_tree.fr_home)
    publish_translation(directory, site_tree.locales["en"], title="Our members", slug="members")
    member = MemberFactory(
        name="Coopérative Alpha", status="active", neq="1234567890", city="Québec"
    )
    MemberContact.objects.create(member=member, name="Alex Alpha", email=EMAIL, is_principal=True)
    # A ledger: two shares subscribed, one paid (a payment moves no share).
    register.record_movement(
        member, MovementKind.SUBSCRIPTION, shares=2, amount=20, date=datetime.date(2026, 9, 1)
    )
    register.record_movement(
        member, MovementKind.PAYMENT, amount=10, date=datetime.date(2026, 9, 15)
    )
    register.sync_access(member)
    return live_server.url


# The dashboard's layout, read in the page: sideways scroll, the gap between the shares'
# table and the next section, the weight of a record's labels, the payment's shares cell.
DASHBOARD_LAYOUT = """() => {
    const root = document.documentElement;
    const shares = document.querySelector('section[aria-labelledby="shares-heading"]');
    const next = shares.nextElementSibling;
    const payment = [...document.querySelectorAll('.ledger tbody tr')][1];
    return {
        overflow: root.scrollWidth - root.clientWidth,
        gap: next.getBoundingClientRect().top - shares.getBoundingClientRect().bottom,
        labelWeight: Number(getComputedStyle(document.querySelector('.record dt')).fontWeight),
        paymentShares: payment.cells[2].textContent.trim(),
        summary: document.querySelector('#shares-summary').textContent.trim(),
    };
}"""
SUMMARIES = {
    "fr": "Votre organisation détient 2 parts : 10,00 $ payés, 10,00 $ dus.",
    "en": "Your organisation holds 2 shares: 10.00 $ paid, 10.00 $ owing.",
}


def sign_in(page, site, language, audit=False):
    """Asks for the link, follows it from the email and presses « Se connecter »; with
    ``audit``, axe-core checks each page on the way."""
    ask, sign_in_button = BUTTONS[language][:2]
    mail.outbox.clear()
    page.goto(site + SPACES[language])
    if audit:
        assert_no_axe_violations(page)
    page.get_by_label(re.compile("courriel|email", re.I)).fill(EMAIL)
    page.get_by_role("button", name=ask).click()
    page.wait_for_load_state()
    if audit:
        assert_no_axe_violations(page)
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    path = re.search(r"https?://[^/\s]+(/\S+/connexion/\S+|/\S+/sign-in/\S+)", message.body)
    # The link in the email, as a person clicks it: a page with the button.
    page.goto(site + path.group(1))
    if audit:
        assert_no_axe_violations(page)
    page.get_by_role("button", name=sign_in_button).click()
    page.wait_for_load_state()
    assert "Coopérative Alpha" in page.locator("h1").inner_text()


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_contact_signs_in_updates_the_record_and_signs_out(site, browser_page, language):
    page = browser_page
    ask, _, save, sign_out = BUTTONS[language]
    sign_in(page, site, language, audit=True)
    assert_no_axe_violations(page)
    layout = page.evaluate(DASHBOARD_LAYOUT)
    assert layout["overflow"] <= 0, layout  # the ledger fits the phone's 375 px
    assert layout["gap"] >= 16, layout  # the sections do not touch
    assert layout["labelWeight"] >= 600, layout  # labels, not the browser's default list
    assert layout["paymentShares"] == "—", layout  # a payment moves no share: not « 0 »
    assert " ".join(layout["summary"].split()) == SUMMARIES[language]

    page.get_by_role("link", name=re.compile(UPDATE_LINKS[language])).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
    page.locator("#id_contacts-0-role").fill("Directrice")
    page.locator("#id_member-directory_consent").uncheck()
    page.get_by_role("button", name=save).click()
    page.wait_for_load_state()
    assert "Directrice" in page.content()
    directory = "/fr/membres/" if language == "fr" else "/en/members/"
    assert MemberContact.objects.get(email=EMAIL).role == "Directrice"

    page.get_by_role("button", name=sign_out).click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name=ask).is_visible()
    page.goto(site + directory)
    assert "Coopérative Alpha" not in page.content()


def test_unsaved_changes_come_back_from_the_device_onto_the_same_record_only(site, browser_page):
    """The save fails (the site answers 503, as during a database outage): back on the
    form, the changes are there again from the contact's own browser, over the record's
    values, emptied fields and unticked boxes included; they never come back onto a record
    changed since; saving, or signing out, erases them (issue #32)."""
    page = browser_page
    sign_in(page, site, "fr")
    update = page.get_by_role("link", name=re.compile(UPDATE_LINKS["fr"])).get_attribute("href")
    page.goto(site + update)
    assert "sur cet appareil seulement" in page.locator(".draft-notice").inner_text()
    page.locator("#id_member-city").fill("")
    page.locator("#id_contacts-0-role").fill("Directrice")
    page.locator("#id_member-directory_consent").uncheck()
    page.route(
        "**" + update,
        lambda route: (
            route.fulfill(status=503, body="Le site revient dans un instant")
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert "revient dans un instant" in page.content()
    page.unroute("**" + update)

    page.goto(site + update)
    assert page.locator("#id_contacts-0-role").input_value() == "Directrice"
    assert page.locator("#id_member-city").input_value() == ""
    assert not page.locator("#id_member-directory_consent").is_checked()
    assert "pas encore enregistrées" in page.locator(".draft-notice").inner_text()
    assert_no_axe_violations(page)

    # « Annuler ces modifications »: the record as it stands, and no draft.
    page.get_by_role("button", name="Annuler ces modifications").click()
    assert page.locator("#id_contacts-0-role").input_value() == ""
    assert page.locator("#id_member-directory_consent").is_checked()
    assert page.evaluate("localStorage.length") == 0

    # A draft written on a record that has changed since is dropped, not put back.
    page.locator("#id_contacts-0-role").fill("Trésorière")
    page.wait_for_timeout(400)  # the draft is saved a moment after the typing stops
    assert page.evaluate("localStorage.length") == 1
    MemberContact.objects.filter(email=EMAIL).update(role="Présidente")
    page.goto(site + update)
    assert page.locator("#id_contacts-0-role").input_value() == "Présidente"
    assert page.evaluate("localStorage.length") == 0

    # Saved: the dashboard erases the draft.
    page.locator("#id_contacts-0-role").fill("Directrice")
    page.wait_for_timeout(400)
    assert page.evaluate("localStorage.length") == 1
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert MemberContact.objects.get(email=EMAIL).role == "Directrice"
    assert page.evaluate("localStorage.length") == 0

    # Signed out: a draft left on the device is erased.
    page.goto(site + update)
    page.locator("#id_member-city").fill("Lévis")
    page.wait_for_timeout(400)
    page.goto(site + SPACES["fr"])
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    assert page.evaluate("localStorage.length") == 0
