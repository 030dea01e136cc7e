"""The committee's journey in a real browser: log in, filter, open an application, move it
to « En analyse », approve it with a note; the member then appears in the public
directory, which axe-core finds clean in both languages and widths. The committee signs in
with a second factor: the code of the authenticator app, computed from its key."""

import re

import pytest

from members import register
from members.factories import MemberFactory
from members.models import Member
from membership.choices import Status
from membership.factories import MemberDirectoryPageFactory
from membership.models import MembershipApplication
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.browser import record_policy_violations, sign_in_to_admin
from tests.fixtures.site import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIRECTORY = {"fr": "/fr/membres/", "en": "/en/members/"}


@pytest.fixture
def directory(site_tree):
    page = MemberDirectoryPageFactory(parent=site_tree.fr_home)
    publish_translation(page, site_tree.locales["en"], title="Our members", slug="members")
    return page


def test_committee_member_approves_an_application_and_it_joins_the_directory(
    live_server, browser_page, membership, directory, committee_user, make_application
):
    page = browser_page
    blocked: list[str] = []  # what the admin's Content-Security-Policy refuses
    record_policy_violations(page, blocked)
    waiting = make_application(1, directory_consent=True, organisation_name="Coop du Fjord")
    other = make_application(2, organisation_name="Mutuelle Ailleurs")
    MembershipApplication.objects.filter(pk=other.pk).update(status=Status.WITHDRAWN)

    sign_in_to_admin(page, live_server.url, committee_user)

    # The dashboard panel's « Soumise » link filters the listing.
    panel = page.locator("#membership-applications-section, [id^=membership-applications]").first
    panel.get_by_role("link", name="Soumise").click()
    page.wait_for_url(re.compile(r"status=submitted"))
    listing = page.locator("#listing-results")
    assert listing.get_by_text("Coop du Fjord").is_visible()
    assert listing.get_by_text("Mutuelle Ailleurs").count() == 0
    listing.get_by_role("link", name=waiting.reference).click()
    page.wait_for_url(re.compile(rf"/inspect/{waiting.pk}/$"))

    # The menu item's badge is read whole, not cut by an ellipsis.
    item = page.locator(".sidebar-main-menu .menuitem-label", has_text="Demandes")
    assert "(1)" in item.inner_text()
    assert item.evaluate("label => label.scrollWidth <= label.clientWidth")
    # The state of the review and its forms come first, the applicant's answers after.
    summary = page.locator(".application-summary")
    assert "Prochaine étape" in summary.inner_text()
    organisation = page.get_by_role("heading", name="Organisation", exact=True)
    assert summary.bounding_box()["y"] < organisation.bounding_box()["y"]
    assert summary.get_by_label("Nouveau statut").is_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Nouveau statut").select_option(label="En analyse")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector("text=est maintenant « En analyse »")

    page.get_by_label("Nouveau statut").select_option(label="Approuvée")
    page.locator("#id_note").fill("Bienvenue parmi nous !")
    page.get_by_label("Transmettre cette note au demandeur par courriel").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector("text=est maintenant « Approuvée »")
    assert MembershipApplication.objects.get(pk=waiting.pk).status == Status.APPROVED
    member = Member.objects.get(application=waiting)
    # Pending its shares: listed once the payment is recorded (the register's rule).
    assert member.directory_consent and not member.listed
    register.set_status(member, "active")

    page.goto(f"{live_server.url}/admin/membership-applications/history/{waiting.pk}/")
    assert page.get_by_text("Bienvenue parmi nous !").first.is_visible()

    page.goto(f"{live_server.url}/fr/membres/")
    assert page.locator(".member__name").all_inner_texts() == ["Coop du Fjord"]
    assert blocked == []


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_directory_has_no_axe_violation(live_server, browser_page, directory, language):
    MemberFactory(name="Coopérative Alpha", region="02", legal_form="consumer-coop")
    MemberFactory(name="Mutuelle Bêta", region="06", legal_form="mutual", website="")
    page = browser_page
    assert page.goto(live_server.url + DIRECTORY[language]).status == 200
    assert_no_axe_violations(page)
    # Filtered, with the keyboard: choose a region, submit, and the list follows.
    page.locator("#id_region").focus()
    page.keyboard.press("Home")
    page.locator("#id_region").select_option("02")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"region=02"))
    assert page.locator(".member__name").all_inner_texts() == ["Coopérative Alpha"]
    assert_no_axe_violations(page)
