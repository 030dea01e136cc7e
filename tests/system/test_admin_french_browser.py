"""The admin screens that scripts draw, in French in a real browser: wagtail-localize's
translation editor (React) and the date picker, whose upstream code writes some labels in
English (fixed by site/static/consortium/js/admin-upstream-labels.js and the project's
djangojs catalogue). What is checked is what a person sees or hears: the visible text,
the hidden labels read to screen readers, and the labels and titles of elements."""

import re

import pytest
from django.contrib.auth import get_user_model

from consortium.upstream.translation import translate
from tests.fixtures.browser import new_page, record_policy_violations, sign_in_to_admin
from tests.test_admin_language import ENGLISH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un-mot-de-passe-assez-long"  # noqa: S105
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ALSO_ENGLISH = re.compile(rf"\b({MONTHS})\b| to .+ translation|\btranslated\b", re.IGNORECASE)

READ_OUT = """() => {
    const texts = document.body.innerText.split("\\n");
    for (const element of document.querySelectorAll(".w-sr-only, .visuallyhidden")) {
        texts.push(element.textContent);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
        for (const name of ["aria-label", "title", "placeholder"]) {
            texts.push(element.getAttribute(name) || "");
        }
    }
    return texts.map((text) => text.trim().replace(/\\s+/g, " ")).filter(Boolean);
}"""


def english_texts(page) -> list[str]:
    return sorted(
        {
            text
            for text in page.evaluate(READ_OUT)
            if ENGLISH.search(text) or ALSO_ENGLISH.search(text)
        }
    )


def sign_in(page, base_url, user):
    sign_in_to_admin(page, base_url, user, PASSWORD)


def test_the_translation_editor_and_the_date_picker_speak_french(live_server, chromium, site_tree):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", PASSWORD)
    source = site_tree.fr_accessibility
    english, _missing = translate(source, site_tree.locales["en"], {source.title: "Accessibility"})
    blocked: list[str] = []
    page = new_page(chromium)
    record_policy_violations(page, blocked)
    try:
        sign_in(page, live_server.url, admin)
        page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
        publish = page.get_by_role("button", name="Publier : Anglais")
        publish.wait_for()
        assert page.get_by_role("heading", name="Traduction : Français → Anglais").is_visible()
        assert page.get_by_text("Traduit manuellement le ").first.is_visible()
        assert english_texts(page) == []

        # The date pickers of the applications' filter (« Soumise entre »), built hidden
        # when the page loads.
        page.goto(f"{live_server.url}/admin/membership-applications/")
        page.locator(".xdsoft_save_selected").first.wait_for(state="attached")
        labels = page.locator(".xdsoft_save_selected").all_text_contents()
        assert labels and set(labels) == {"Enregistrer la sélection"}
        assert english_texts(page) == []
        assert blocked == []
    finally:
        page.context.close()
