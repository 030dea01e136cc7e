"""The editorial journey in a real browser: a Rédaction user writes a news draft in the
admin and submits it; a Communications user approves it; it is live at its address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from consortium.bootstrap.site_setup import run_setup
from consortium.staff import roles
from news.factories import NewsCategoryFactory, NewsIndexPageFactory
from news.models import NewsPage
from tests.fixtures.browser import new_page, record_policy_violations, sign_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Le Consortium accueille un nouveau partenaire"


@pytest.fixture
def newsroom(site_tree, django_user_model):
    run_setup()
    for username, group in (
        ("redaction", roles.EDITORS_GROUP),
        ("communications", roles.COMMUNICATIONS_GROUP),
    ):
        user = django_user_model.objects.create_user(
            username, email=f"{username}@consortium.example", password="x"
        )
        user.groups.add(Group.objects.get(name=group))
    NewsCategoryFactory(name="Partenariats", slug="partenariats")
    return NewsIndexPageFactory(parent=site_tree.fr_home)


def log_in(page, base_url, username):
    """Communications reads attendees and subscribers: it signs in with a code too."""
    sign_in_to_admin(page, base_url, get_user_model().objects.get(username=username))


def staff_page(chromium, base_url, username, violations: list[str]):
    """A fresh browser, logged in to the admin as ``username``, recording what the admin's
    Content-Security-Policy blocks (none of it may be needed)."""
    page = new_page(chromium)
    record_policy_violations(page, violations)
    log_in(page, base_url, username)
    return page


def open_more_actions(page):
    """The editor's footer: the main action, and the others behind « More actions »."""
    page.locator("footer .w-dropdown-button").get_by_role("button", name="Plus d'actions").click()


def test_a_draft_goes_from_redaction_to_review_to_live(live_server, chromium, newsroom):
    base = live_server.url
    violations: list[str] = []
    page = staff_page(chromium, base, "redaction", violations)
    page.goto(f"{base}/admin/pages/add/news/newspage/{newsroom.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_date").fill("2026-11-20")
    page.locator("#id_category").select_option(label="Partenariats")
    page.locator("#id_summary").fill("Une entente pour mieux servir les coopératives.")
    # The body: add a paragraph block and type in it.
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraphe").click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.type("Le Consortium et son partenaire unissent leurs forces.")
    page.wait_for_function(
        "() => document.querySelector('[name=\"body-0-value\"]').value.includes('unissent')"
    )
    open_more_actions(page)
    page.get_by_role("button", name=re.compile("Soumettre à Révision éditoriale")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    article = NewsPage.objects.get(title=TITLE)
    assert not article.live
    assert article.workflow_states.get().status == "in_progress"
    page.context.close()

    page = staff_page(chromium, base, "communications", violations)
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    open_more_actions(page)
    with page.expect_navigation():
        page.locator('button[data-workflow-action-name="approve"]').first.click()
    article.refresh_from_db()
    assert article.live
    # Approving without editing left the writer as the author of the published revision.
    assert article.live_revision.user.username == "redaction"
    public = page.goto(f"{base}{article.url}")
    assert public.status == 200
    assert page.locator("h1").inner_text() == TITLE
    page.context.close()
    # The whole journey — login, page editor, block chooser, rich text, workflow — ran under
    # the admin's Content-Security-Policy without anything being blocked.
    assert violations == []
