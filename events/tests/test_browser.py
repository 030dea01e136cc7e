"""An event in a real browser: registering with the keyboard's help to the confirmation
message; axe-core finds the event page, its registration form and its error state clean
in both languages and at both widths."""

import re

import pytest

from events.models import Registration
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.site import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event(make_event, site_tree):
    page = make_event(title="Formation : gouvernance", slug="formation", capacity=10)
    page.english = publish_translation(
        page, site_tree.locales["en"], title="Training: governance", slug="training"
    )
    return page


def test_a_visitor_registers_and_is_told(live_server, browser_page, event):
    page = browser_page
    page.goto(live_server.url + event.url)
    page.locator("#id_name").fill("Jeanne Roy")
    page.locator("#id_email").fill("jeanne@example.org")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="M’inscrire").click()
    page.wait_for_url(re.compile(r"/fr/evenements/formation/$"))
    assert "Vous êtes inscrit" in page.locator("[role=status]").inner_text()
    assert "Il reste 9 places." in page.content()
    assert Registration.objects.get().state == "confirmed"
    assert_no_axe_violations(page)


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_event_page_and_its_error_state_have_no_axe_violation(
    live_server, browser_page, event, language
):
    page = browser_page
    url = event.url if language == "fr" else event.english.url
    assert page.goto(live_server.url + url).status == 200
    assert_no_axe_violations(page)
    page.locator("#id_email").fill("pas-une-adresse")
    page.locator('input[type="submit"]').click()
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_email").input_value() == "pas-une-adresse"
    assert_no_axe_violations(page)
