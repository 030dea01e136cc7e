"""User journeys and accessibility in a real Chromium (Playwright), both languages,
phone (375 px) and desktop (1280 px) widths."""

import pytest

from tests.accessibility import assert_no_axe_violations

# Transactional: the live server needs committed data. What migrations created and an
# earlier test's flush removed (root page, default site) is re-created by the site_tree
# fixture (tests.fixtures.site.locales); a serialized rollback would reload it on top of the
# content types other transactional tests re-created, and fail on their unique key.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/fr/", "/en/", "/fr/confidentialite/", "/en/privacy/"]


@pytest.fixture
def demo_site(site_tree, live_server):
    return live_server.url


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violation(demo_site, browser_page, path):
    response = browser_page.goto(demo_site + path)
    assert response.status == 200
    assert_no_axe_violations(browser_page)


@pytest.mark.parametrize("browser_page", ["desktop"], indirect=True)
def test_axe_helper_reports_violations(demo_site, browser_page):
    """The helper must fail on a real violation, listing it (here: an image without alt)."""
    browser_page.goto(demo_site + "/fr/")
    browser_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_no_axe_violations(browser_page)


@pytest.mark.parametrize("browser_page", ["desktop"], indirect=True)
def test_language_choice_is_remembered_for_the_root(demo_site, browser_page):
    browser_page.goto(demo_site + "/")
    assert browser_page.url == demo_site + "/fr/"
    assert browser_page.locator("html").get_attribute("lang") == "fr"
    browser_page.get_by_role("link", name="English").click()
    browser_page.wait_for_url(demo_site + "/en/")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    browser_page.goto(demo_site + "/")
    assert browser_page.url == demo_site + "/en/"
    browser_page.get_by_role("link", name="Français").click()
    browser_page.wait_for_url(demo_site + "/fr/")
    browser_page.goto(demo_site + "/")
    assert browser_page.url == demo_site + "/fr/"


@pytest.mark.parametrize("browser_page", ["desktop"], indirect=True)
def test_switcher_keeps_the_reader_on_the_same_page(demo_site, browser_page):
    browser_page.goto(demo_site + "/fr/confidentialite/")
    browser_page.get_by_role("link", name="English").click()
    browser_page.wait_for_url(demo_site + "/en/privacy/")
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Privacy policy"


@pytest.mark.parametrize("browser_page", ["phone"], indirect=True)
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(demo_site, browser_page):
    browser_page.goto(demo_site + "/fr/")
    skip = browser_page.get_by_role("link", name="Aller au contenu principal")
    assert not skip.is_visible() or skip.bounding_box()["y"] < 0
    browser_page.keyboard.press("Tab")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("browser_page", ["phone"], indirect=True)
def test_phone_layout_has_no_horizontal_scroll(demo_site, browser_page):
    for path in ("/fr/", "/en/"):
        browser_page.goto(demo_site + path)
        overflow = browser_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_demo_site_pages_have_no_axe_violation(committed_demo, live_server, chromium, viewport):
    """Every public page type of the demo site (real content), FR and EN, at both widths:
    one check per page and width (one test per width, so that parallel workers share them)."""
    from tests.demo_pages import DEMO_PAGES
    from tests.fixtures.browser import VIEWPORTS

    checked = 0
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    for kind, *paths, status in DEMO_PAGES:
        for path in paths:
            assert page.goto(live_server.url + path).status == status, (kind, path)
            assert_no_axe_violations(page)
            checked += 1
    # Grids that fill their rows: the home's six fields three and three (or one per row
    # on a phone), the report's four figures two and two or four in a row, never 3 + 1.
    for path, items, allowed in (
        ("/fr/", ".home-list > li", ({1}, {3}, {2})),
        ("/fr/", ".key-figures > li", ({2}, {4})),
        ("/fr/a-propos/rapports-annuels/2024-2025/", ".key-figures > li", ({2}, {4})),
    ):
        page.goto(live_server.url + path)
        rows = page.evaluate(ROW_LENGTHS, items)
        assert any(set(rows) == lengths for lengths in allowed), (path, viewport, rows)
    context.close()
    assert checked == 2 * len(DEMO_PAGES)


# How many of the items sit on each line of their grid (by their top edge).
ROW_LENGTHS = """(selector) => {
    const rows = new Map();
    for (const item of document.querySelectorAll(selector)) {
        const top = Math.round(item.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) || 0) + 1);
    }
    return [...rows.values()];
}"""
