"""A service request in a real browser: from « Services juridiques » to the confirmation,
then the services team takes it through every status to « Terminée » in the admin (with
its second factor); axe-core finds the form, its error state and the staff page clean, in
both languages and at both widths."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from consortium.bootstrap.site_setup import run_setup
from consortium.staff import roles
from services.models import ServiceRequest
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.browser import record_policy_violations, sign_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URLS = {"fr": "/fr/demande-de-service/", "en": "/en/service-request/"}
STEPS = ["Qualifiée", "Assignée", "Offre envoyée", "En cours", "Terminée"]


@pytest.fixture
def services_user(site_tree, django_user_model):
    run_setup()
    user = django_user_model.objects.create_user(
        "services", email="services@consortium.example", password="x", first_name="Sam"
    )
    user.groups.add(Group.objects.get(name=roles.SERVICES_GROUP))
    return user


def test_from_a_field_to_the_confirmation_then_through_the_staff_statuses(
    live_server, browser_page, service_page, services_user
):
    page = browser_page
    blocked: list[str] = []
    record_policy_violations(page, blocked)
    page.goto(live_server.url + service_page.fields[0].url)
    page.get_by_role("link", name="Demander ce service").click()
    page.wait_for_url(re.compile(r"/fr/demande-de-service/\?expertise=juridique"))
    assert page.get_by_label("Services juridiques").is_checked()
    page.get_by_label("Votre besoin").fill("Revoir nos règlements généraux.")
    page.get_by_label("Délai souhaité").select_option(label="D’ici un mois")
    page.locator("#id_organisation_name").fill("Coopérative du Fjord")
    page.get_by_label("Région administrative").select_option("02")
    page.locator("#id_contact_name").fill("Jeanne Roy")
    page.get_by_label("Courriel").fill("jeanne@fjord.example")
    page.get_by_label("Téléphone").fill("418 555-0199")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/fr/demande-de-service/merci/\?ref="))
    reference = page.locator(".reference strong").inner_text()
    assert re.fullmatch(r"DS-\d{4}-0001", reference)
    assert_no_axe_violations(page)
    service_request = ServiceRequest.objects.get(reference=reference)
    assert service_request.organisation_name == "Coopérative du Fjord"

    sign_in_to_admin(page, live_server.url, services_user)
    panel = page.locator("[id^=service-requests]").first
    panel.get_by_role("link", name="Reçue").click()
    page.wait_for_url(re.compile(r"status=received"))
    page.locator("#listing-results").get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(rf"/inspect/{service_request.pk}/$"))
    assert_no_axe_violations(page)
    mail.outbox.clear()
    for step in STEPS:
        if step == "Assignée":
            # « Assignée » with nobody in « Confiée à » is refused, with what to do.
            page.get_by_label("Nouveau statut").select_option(label=step)
            page.get_by_role("button", name="Enregistrer").click()
            page.wait_for_selector("text=choisissez d’abord qui dans « Confiée à »")
            page.get_by_label("Confiée à").select_option(label="Sam")
            page.get_by_role("button", name="Attribuer").click()
            page.wait_for_selector(f"text={reference} est confiée à Sam")
        page.get_by_label("Nouveau statut").select_option(label=step)
        if step == "Offre envoyée":
            page.locator("#id_note").fill("Douze heures au juste coût.")
            page.get_by_label("Transmettre cette note au demandeur par courriel").check()
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_selector(f"text=est maintenant « {step} »")
    service_request.refresh_from_db()
    assert service_request.status == "completed"
    assert page.get_by_label("Nouveau statut").count() == 0  # closed: nothing more to choose
    page.goto(f"{live_server.url}/admin/service-requests/history/{service_request.pk}/")
    assert page.get_by_text("Douze heures au juste coût.").first.is_visible()
    assert blocked == []


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_and_its_error_state_have_no_axe_violation(
    live_server, browser_page, service_page, language
):
    page = browser_page
    assert page.goto(live_server.url + URLS[language]).status == 200
    assert_no_axe_violations(page)
    page.locator("#id_neq").fill("123")
    page.locator('input[type="submit"]').click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_neq").input_value() == "123"
    assert_no_axe_violations(page)
