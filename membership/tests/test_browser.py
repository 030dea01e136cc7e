"""The application in a real browser: a keyboard-only journey to the confirmation, and no
axe-core violation on the form, also in its error state, in both languages and widths."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from membership.models import MembershipApplication
from membership.tests.conftest import MINIMAL_PDF
from tests.accessibility import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URLS = {"fr": "/fr/adhesion/", "en": "/en/membership/"}


@pytest.fixture
def site(live_server, membership):
    return live_server.url


def tab_to(page, selector: str, limit: int = 250):
    """Press Tab until ``selector`` has the focus (as a keyboard user moves through a page)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose_option(page, label: str):
    """Pick an option of the focused list with the arrow keys (Home, then Down)."""
    labels = page.evaluate(
        "Array.from(document.activeElement.options).map((option) => option.label)"
    )
    page.keyboard.press("Home")
    for _ in range(labels.index(label)):
        page.keyboard.press("ArrowDown")


def choose_file_with_keyboard(page, path, attempts: int = 3):
    """Open the focused file field's chooser with Space and pick ``path``.

    Chromium sometimes drops the first chooser when Playwright starts intercepting choosers
    at that very moment (microsoft/playwright#28023: ``Page.fileChooserOpened`` never fires),
    so a keyboard user who sees nothing open presses Space again; the field must still be the
    one that has the focus, and the file must end up in it."""
    for _ in range(attempts):
        try:
            with page.expect_file_chooser(timeout=5_000) as chooser:
                page.keyboard.press("Space")
        except PlaywrightTimeoutError:
            assert page.evaluate("document.activeElement.type") == "file"
            continue
        chooser.value.set_files(str(path))
        assert page.evaluate("document.activeElement.files.length") == 1
        return
    raise AssertionError(f"Space never opened the file chooser ({attempts} presses)")


def test_an_applicant_completes_the_form_with_the_keyboard_alone(site, browser_page, tmp_path):
    document = tmp_path / "statuts.pdf"
    document.write_bytes(MINIMAL_PDF)
    page = browser_page
    page.goto(site + URLS["fr"])
    typed = [
        ("#id_organisation_name", "Coopérative de travail Les Artisans"),
        ("#id_neq", "1165 4321 09"),
        ("#id_legal_form", "Coopérative de travail"),
        ("#id_sector", "Services aux entreprises"),
        ("#id_member_count", "12"),
        ("#id_employee_count", "9"),
        ("#id_website", "https://artisans.example"),
        ("#id_street_address", "500, boulevard René-Lévesque"),
        ("#id_city", "Québec"),
        ("#id_postal_code", "g1r 2b5"),
        ("#id_region", "03 Capitale-Nationale"),
    ]
    for selector, text in typed:
        tab_to(page, selector)
        if page.evaluate("document.activeElement.tagName") == "SELECT":
            choose_option(page, text)
        else:
            page.keyboard.type(text)
    tab_to(page, "#id_category_0")
    page.keyboard.press("Space")
    tab_to(page, 'input[name="fields_of_interest"]')
    page.keyboard.press("Space")
    for selector, text in [
        ("#id_contact_name", "Jeanne Roy"),
        ("#id_contact_role", "Coordonnatrice"),
        ("#id_contact_email", "jeanne@artisans.example"),
        ("#id_contact_phone", "418 555-0199"),
        ("#id_message", "Besoin d’appui en ressources humaines."),
    ]:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_attachments")
    choose_file_with_keyboard(page, document)
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, 'input[type="submit"], button[type="submit"]')
    page.keyboard.press("Enter")

    page.wait_for_load_state()
    if page.locator("#error-summary").count():
        raise AssertionError(page.locator("#error-summary").inner_text())
    page.wait_for_url(re.compile(r"/fr/adhesion/merci/\?ref="))
    reference = page.locator(".reference strong").inner_text()
    assert re.fullmatch(r"ADH-\d{4}-0001", reference)
    application = MembershipApplication.objects.get(reference=reference)
    assert application.legal_form == "worker-coop" and application.region == "03"
    assert application.postal_code == "G1R 2B5" and application.category == "Membre utilisateur"
    assert application.attachments.get().original_name == "statuts.pdf"
    assert_no_axe_violations(page)


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_and_its_error_state_have_no_axe_violation(site, browser_page, language):
    page = browser_page
    assert page.goto(site + URLS[language]).status == 200
    assert_no_axe_violations(page)
    page.locator("#id_neq").fill("123")
    page.locator("#id_postal_code").fill("D0D 0D0")
    page.locator('input[type="submit"]').click()
    page.wait_for_selector("#error-summary")
    # The summary has the focus, so keyboard and screen-reader users start from it (the
    # site's script moves it once the page has loaded: wait for it, on a loaded machine).
    page.wait_for_function("document.activeElement && document.activeElement.id", timeout=10_000)
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_neq").input_value() == "123"
    assert_no_axe_violations(page)
    # Every box sits beside its label, at the top of its first line, however long it is.
    for box in page.locator('input[type="checkbox"]:visible').all():
        label = page.locator(f'label[for="{box.get_attribute("id")}"]')
        box_at, label_at = box.bounding_box(), label.bounding_box()
        assert label_at["x"] >= box_at["x"] + box_at["width"], box.get_attribute("id")
        assert label_at["y"] < box_at["y"] + box_at["height"], box.get_attribute("id")


def test_what_was_typed_comes_back_after_a_failed_post_and_leaves_once_received(
    site, browser_page, language="fr"
):
    """The post fails (the site answers 503, as during a database outage): back on the
    form, what the person typed is there again, from their own browser; the files and the
    consent are not; once the form is received, the draft is gone (issue #32)."""
    page = browser_page
    page.goto(site + URLS["fr"])
    note = page.locator(".draft-notice")
    assert "gardé sur cet appareil seulement" in note.inner_text()
    page.locator("#id_organisation_name").fill("Coopérative de travail Les Artisans")
    page.locator("#id_message").fill("Nous avons besoin d’un avis juridique.")
    page.locator("#id_consent").check()
    page.route(
        "**/adhesion/",
        lambda route: (
            route.fulfill(status=503, body="Le site revient dans un instant")
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.locator('input[type="submit"]').click()
    page.wait_for_load_state()
    assert "revient dans un instant" in page.content()
    page.unroute("**/adhesion/")

    page.goto(site + URLS["fr"])
    assert page.locator("#id_organisation_name").input_value() == (
        "Coopérative de travail Les Artisans"
    )
    assert page.locator("#id_message").input_value() == "Nous avons besoin d’un avis juridique."
    assert not page.locator("#id_consent").is_checked()  # given anew, never from a draft
    assert page.locator("#id_nickname").input_value() == ""
    assert "Joignez de nouveau vos fichiers" in page.locator(".draft-notice").inner_text()
    stored = page.evaluate("JSON.stringify(Object.keys(localStorage))")
    assert "consortium-draft:membership:/fr/adhesion/" in stored
    assert_no_axe_violations(page)

    # « Vider le formulaire » empties it and the draft.
    page.get_by_role("button", name="Vider le formulaire").click()
    assert page.locator("#id_organisation_name").input_value() == ""
    assert page.evaluate("localStorage.length") == 0

    # Typed again and received: the confirmation page erases the draft.
    page.locator("#id_organisation_name").fill("Coopérative de travail Les Artisans")
    page.wait_for_timeout(400)  # the draft is saved a moment after the typing stops
    assert page.evaluate("localStorage.length") == 1
    page.goto(site + "/fr/adhesion/merci/")
    assert page.evaluate("localStorage.length") == 0
