"""The newsletter in a real browser: subscribing from the footer with the keyboard, then
confirming and unsubscribing from the email's links; axe-core finds the page, its error
state and the links' pages clean, in both languages and widths."""

import pytest
from django.core import mail

from newsletter.models import Subscriber
from newsletter.tests.conftest import link_in
from tests.accessibility import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {"fr": "/fr/infolettre/", "en": "/en/newsletter/"}


def test_subscribe_from_the_footer_confirm_then_unsubscribe(
    live_server, browser_page, newsletter_page
):
    page = browser_page
    page.goto(live_server.url + "/fr/")
    page.fill("#footer-newsletter-email", "jeanne@exemple.org")
    page.fill("#footer-newsletter-name", "Jeanne")
    page.focus("#footer-newsletter-name")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/infolettre/merci/")
    assert page.locator("h1").inner_text() == "Consultez vos courriels"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    (message,) = mail.outbox
    page.goto(live_server.url + link_in(message, "/confirmer/"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    page.wait_for_selector("[role=status]")
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    page.goto(live_server.url + link_in(message, "/desabonnement/"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Se désabonner").click()
    page.wait_for_selector("[role=status]")
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_page_and_its_error_state_have_no_axe_violation(
    live_server, browser_page, newsletter_page, language
):
    page = browser_page
    page.goto(live_server.url + PAGES[language])
    assert_no_axe_violations(page)
    page.fill("#id_email", "pas-une-adresse")
    page.locator('main input[type="submit"]').click()
    page.wait_for_selector("#error-summary")
    assert page.input_value("#id_email") == "pas-une-adresse"
    assert_no_axe_violations(page)
