"""The member space in a real browser: a contact asks for the link, follows it from the
email, updates the contacts and the directory consent, and signs out — with no axe-core
violation on any page of the journey, in both languages, at both widths."""

import re

import pytest
from django.core import mail

from members import register
from members.factories import MemberFactory
from members.models import MemberContact, MemberSpacePage
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
    member = MemberFactory(name="Coopérative Alpha", status="active", neq="1234567890")
    MemberContact.objects.create(member=member, name="Alex Alpha", email=EMAIL, is_principal=True)
    register.sync_access(member)
    return live_server.url


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_contact_signs_in_updates_the_record_and_signs_out(site, browser_page, language):
    page = browser_page
    ask, sign_in, save, sign_out = BUTTONS[language]
    mail.outbox.clear()
    page.goto(site + SPACES[language])
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("courriel|email", re.I)).fill(EMAIL)
    page.get_by_role("button", name=ask).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    path = re.search(r"https?://[^/\s]+(/\S+/connexion/\S+|/\S+/sign-in/\S+)", message.body)
    # The link in the email, as a person clicks it: a page with the button.
    page.goto(site + path.group(1))
    assert_no_axe_violations(page)
    page.get_by_role("button", name=sign_in).click()
    page.wait_for_load_state()
    assert "Coopérative Alpha" in page.locator("h1").inner_text()
    assert_no_axe_violations(page)

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
