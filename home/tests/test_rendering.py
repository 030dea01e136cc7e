"""Rendering of the home and standard pages: content, landmarks, footer, query counts."""

import pytest
from bs4 import BeautifulSoup

from consortium.factories import page_items
from consortium.models import NavigationMenu
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_has_landmarks_skip_link_and_one_h1(site_tree, client):
    document = get_soup(client, "/fr/")
    assert document.select_one("a.skip-link")["href"] == "#main"
    assert document.select_one("main#main")
    assert document.select_one("header") and document.select_one("footer")
    labels = {nav["aria-label"] for nav in document.select("nav")}
    assert {"Navigation principale", "Langue", "Menu du pied de page"} <= labels
    assert len(document.select("h1")) == 1


def test_home_shows_mission_figures_and_call_to_action(site_tree, client):
    document = get_soup(client, "/fr/")
    text = document.get_text(" ", strip=True)
    assert "Notre mission" in text
    assert "Offrir des services spécialisés au juste coût." in text
    assert "en 2020" in text
    cta = document.select(".cta a.btn")
    assert cta and cta[0]["href"] == "#coordonnees"


def test_footer_shows_offices_phones_hours_and_legal_links(site_tree, client):
    document = get_soup(client, "/fr/")
    footer = document.select_one("footer")
    text = footer.get_text(" ", strip=True)
    # Each office's full postal address (CASL; the same in every email).
    addresses = [" ".join(a.get_text(" ").split()) for a in footer.select("address")]
    assert addresses == [
        "1000, rue Exemple Montréal (QC) H2X 1Y4",
        "1000, rue Exemple Québec (QC) H2X 1Y4",
    ]
    assert footer.select_one('a[href="tel:+14186221001"]').get_text() == "(418) 622-1001"
    assert footer.select_one('a[href="tel:+18558379142"]').get_text() == "1 (855) 837-9142"
    assert "du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030" in text
    links = {a.get_text(): a["href"] for a in footer.select("nav a")}
    assert links["Politique de confidentialité"] == "/fr/confidentialite/"
    assert links["Déclaration d’accessibilité"] == "/fr/accessibilite/"


def test_english_footer_links_to_english_pages_when_translated(site_tree, client):
    document = get_soup(client, "/en/")
    footer = document.select_one("footer")
    links = {a.get_text(): a["href"] for a in footer.select("nav a")}
    assert links["Privacy policy"] == "/en/privacy/"
    # The accessibility page has no English translation yet: the French one is linked.
    assert links["Déclaration d’accessibilité"] == "/fr/accessibilite/"
    assert "Monday to Friday, 8:30 a.m. to 4:30 p.m." in footer.get_text(" ", strip=True)


def test_unknown_page_is_a_branded_404_in_the_visitors_language(site_tree, client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.html["lang"] == "en"
    assert document.h1.get_text() == "Page not found"


def test_home_query_count_does_not_grow_with_pages(site_tree, client):
    """Queries per page are constant: adding pages to the tree or menu adds none, whether
    the site chrome (menus, footer) is built or read from its cache."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consortium.caching import content_version

    client.get("/fr/")  # warm Wagtail's per-process caches (site root paths)

    def count(cold: bool):
        if cold:
            content_version.invalidate()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/").status_code == 200
        return len(captured)

    baseline = {"cold": count(cold=True), "warm": count(cold=False)}
    pages = [
        StandardPageFactory(parent=site_tree.fr_home, title=f"Page {number}")
        for number in range(10)
    ]
    menu = NavigationMenu.objects.get(slot="main")
    menu.items = page_items(site_tree.fr_home, *pages)
    menu.save()
    assert {"cold": count(cold=True), "warm": count(cold=False)} == baseline
    # Cold: site, pages on the path, home, language links, menus and their pages, latest
    # news, fields, contact settings, offices, social links, site texts, the newsletter's
    # page (the footer's form). Warm: the page's own.
    assert baseline["cold"] <= 16, baseline
    assert baseline["warm"] <= 8, baseline


def test_header_links_to_the_search_in_the_page_language(site_tree, client):
    assert get_soup(client, "/fr/").select_one("a.search-link")["href"] == "/fr/recherche/"
    assert get_soup(client, "/en/").select_one("a.search-link")["href"] == "/en/search/"
