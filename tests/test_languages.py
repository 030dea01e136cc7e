"""SPEC §2: language prefixes, root redirect, <html lang>, switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def switcher_links(document):
    nav = document.select_one("nav.language-switcher")
    return {a["hreflang"]: a["href"] for a in nav.select("a[hreflang]")}


def hreflangs(document):
    return {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"]')}


class TestRootRedirect:
    def test_root_goes_to_french(self, client):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/fr/"

    def test_browser_language_alone_does_not_switch_to_english(self, client):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response["Location"] == "/fr/"

    def test_english_when_the_visitor_chose_it_before(self, client):
        client.cookies["django_language"] = "en"
        response = client.get("/")
        assert response["Location"] == "/en/"
        assert "Cookie" in response["Vary"]

    def test_unknown_language_cookie_falls_back_to_french(self, client):
        client.cookies["django_language"] = "de"
        assert client.get("/")["Location"] == "/fr/"

    def test_post_is_refused_without_error(self, client):
        assert client.post("/").status_code == 405


class TestHomePages:
    @pytest.mark.parametrize(("path", "language"), [("/fr/", "fr"), ("/en/", "en")])
    def test_home_renders_with_its_language(self, site_tree, client, path, language):
        document = soup(client.get(path))
        assert document.html["lang"] == language

    def test_french_home_shows_french_content_and_interface(self, site_tree, client):
        document = soup(client.get("/fr/"))
        assert document.h1.get_text(strip=True) == site_tree.fr_home.hero_title
        assert document.select_one(".skip-link").get_text() == "Aller au contenu principal"

    def test_english_home_shows_english_content_and_interface(self, site_tree, client):
        document = soup(client.get("/en/"))
        assert document.h1.get_text(strip=True) == "Shared expertise"
        assert document.select_one(".skip-link").get_text() == "Skip to main content"

    def test_switcher_and_hreflang_point_to_each_other(self, site_tree, client):
        french = soup(client.get("/fr/"))
        english = soup(client.get("/en/"))
        assert switcher_links(french) == {"en": "/en/"}
        assert switcher_links(english) == {"fr": "/fr/"}
        expected = {
            "fr": "http://testserver/fr/",
            "en": "http://testserver/en/",
            "x-default": "http://testserver/fr/",
        }
        assert hreflangs(french) == expected
        assert hreflangs(english) == expected

    def test_current_language_is_marked_not_linked(self, site_tree, client):
        document = soup(client.get("/fr/"))
        current = document.select_one(".language-switcher [aria-current]")
        assert current.get_text(strip=True) == "Français"
        assert current.name == "span"


class TestSwitcherOnInnerPages:
    def test_translated_page_links_to_its_translation(self, site_tree, client):
        document = soup(client.get("/fr/confidentialite/"))
        assert switcher_links(document) == {"en": "/en/privacy/"}
        assert hreflangs(document)["en"] == "http://testserver/en/privacy/"
        back = soup(client.get("/en/privacy/"))
        assert switcher_links(back) == {"fr": "/fr/confidentialite/"}

    def test_untranslated_page_falls_back_to_the_other_home(self, site_tree, client):
        document = soup(client.get("/fr/accessibilite/"))
        assert switcher_links(document) == {"en": "/en/"}
        # Only real translations are alternates: no English, hence no x-default either.
        assert hreflangs(document) == {"fr": "http://testserver/fr/accessibilite/"}

    def test_draft_translation_is_never_offered(self, site_tree, client):
        draft = publish_translation(
            site_tree.fr_accessibility, site_tree.locales["en"], slug="accessibility"
        )
        draft.unpublish()
        document = soup(client.get("/fr/accessibilite/"))
        assert switcher_links(document) == {"en": "/en/"}
        assert Client().get("/en/accessibility/").status_code == 404

    def test_unprefixed_page_url_gets_a_language_prefix(self, site_tree, client):
        response = client.get("/confidentialite/")
        assert response.status_code == 302
        assert response["Location"] == "/fr/confidentialite/"


class TestTitles:
    def test_seo_title_is_used_as_written(self, site_tree, client):
        site_tree.fr_home.seo_title = "Le Consortium : l’expertise partagée"
        site_tree.fr_home.save_revision().publish()
        document = soup(client.get("/fr/"))
        assert document.title.get_text() == "Le Consortium : l’expertise partagée"

    def test_plain_title_gets_the_site_name_in_the_page_language(self, site_tree, client):
        assert (
            soup(client.get("/en/privacy/")).title.get_text() == "Privacy policy · The Consortium"
        )
        document = soup(client.get("/fr/confidentialite/"))
        assert document.title.get_text() == "Politique de confidentialité · Le Consortium"


class TestSwitcherOnDjangoViews:
    def test_search_page_switches_to_the_translated_url_with_the_query(self, site_tree, client):
        document = soup(client.get("/fr/recherche/?q=coop"))
        assert document.html["lang"] == "fr"
        assert switcher_links(document) == {"en": "/en/search/?q=coop"}
        english = soup(client.get("/en/search/?q=coop"))
        assert switcher_links(english) == {"fr": "/fr/recherche/?q=coop"}
