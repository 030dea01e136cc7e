"""News in a real browser: accessibility in both languages and widths, and the vote."""

import pytest

from news.models import ArticleFeedback
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.site import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def news_site(live_server, make_articles, site_tree):
    articles = make_articles(14)
    english = publish_translation(
        articles[-1], site_tree.locales["en"], title="An article in English", slug="in-english"
    )
    return live_server.url, articles[-1], english


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("which", ["fr-listing", "en-listing", "fr-article", "en-article"])
def test_no_axe_violation(news_site, browser_page, which):
    base, french, english = news_site
    path = {
        "fr-listing": "/fr/actualites/?category=partenariats",
        "en-listing": "/en/news/",
        "fr-article": french.url,
        "en-article": english.url,
    }[which]
    response = browser_page.goto(base + path)
    assert response.status == 200
    assert_no_axe_violations(browser_page)


@pytest.mark.parametrize("browser_page", ["desktop"], indirect=True)
def test_search_page_is_accessible(news_site, browser_page):
    base, _french, _english = news_site
    browser_page.goto(base + "/fr/recherche/?q=article")
    assert_no_axe_violations(browser_page)


@pytest.mark.parametrize("browser_page", ["phone"], indirect=True)
def test_vote_with_javascript_stays_on_the_page(news_site, browser_page):
    base, french, _english = news_site
    browser_page.goto(base + french.url)
    browser_page.get_by_role("button", name="Oui").click()
    status = browser_page.locator("[data-feedback-status]")
    status.get_by_text("Merci de votre réponse.").wait_for()
    assert browser_page.url == base + french.url
    assert browser_page.locator("[data-feedback-form]").count() == 0
    assert list(ArticleFeedback.objects.values_list("helpful", flat=True)) == [True]
    # After a reload (the page is the same for everyone), the buttons whose answer would be
    # refused are not offered again: the browser remembers its vote.
    browser_page.reload()
    status.get_by_text("Vous avez déjà répondu").wait_for()
    assert browser_page.locator("[data-feedback-form]").count() == 0
    assert ArticleFeedback.objects.count() == 1


def test_vote_without_javascript(news_site, chromium):
    base, french, _english = news_site
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + french.url)
    page.get_by_role("button", name="Non").click()
    page.wait_for_url("**?vote=recorded#feedback")
    assert "Merci de votre réponse." in page.locator("#feedback").inner_text()
    context.close()
    assert list(ArticleFeedback.objects.values_list("helpful", flat=True)) == [False]


@pytest.mark.parametrize("browser_page", ["phone"], indirect=True)
def test_filters_and_pagination_with_the_keyboard(news_site, browser_page):
    base, _french, _english = news_site
    browser_page.goto(base + "/fr/actualites/")
    link = browser_page.get_by_role("link", name="Page 2")
    link.focus()
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/fr/actualites/?page=2")
    assert browser_page.locator(".card").count() == 2
