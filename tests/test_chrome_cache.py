"""The site chrome (menus, home pages, footer, view restrictions) comes from the cache, and
every change that can alter it is seen at the next request (consortium.caching.content_version)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from consortium.factories import OfficeFactory, page_items
from consortium.models import NavigationMenu, OrganisationSettings, SiteTexts
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(client, url="/fr/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def main_menu(client, url="/fr/"):
    return [a.get_text() for a in soup(client, url).select("nav.main-nav a")]


def footer_text(client, url="/fr/"):
    return soup(client, url).select_one("footer").get_text(" ", strip=True)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


@pytest.fixture
def about(site_tree):
    about = StandardPageFactory(parent=site_tree.fr_home, title="À propos", slug="a-propos")
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="fr")
    menu.items = page_items(site_tree.fr_home, about)
    menu.save()
    return about


def test_the_chrome_is_read_once_then_from_the_cache(client, about):
    first = queries(client, "/fr/")
    second = queries(client, "/fr/a-propos/")
    chrome_tables = ("consortium_navigationmenu", "consortium_sitetexts", "consortium_office")
    assert any(table in sql for sql in first for table in chrome_tables)
    assert not any(table in sql for sql in second for table in chrome_tables), second
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in second)


def test_a_menu_edit_is_seen_at_the_next_request(client, about, site_tree):
    assert main_menu(client) == ["Accueil", "À propos"]
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="fr")
    menu.items = page_items(site_tree.fr_home, about, labels={1: "Qui sommes-nous"})
    menu.save()
    assert main_menu(client) == ["Accueil", "Qui sommes-nous"]


def test_a_published_title_and_an_unpublished_page_are_seen(client, about):
    assert main_menu(client) == ["Accueil", "À propos"]
    about.title = "Le Consortium"
    about.save_revision().publish()
    assert main_menu(client) == ["Accueil", "Le Consortium"]
    about.unpublish()
    assert main_menu(client) == ["Accueil"]


def test_footer_texts_offices_and_contact_changes_are_seen(client, site_tree):
    assert "Sherbrooke" not in footer_text(client)
    texts = SiteTexts.objects.get(locale__language_code="fr")
    texts.footer_summary = "Une coopérative de solidarité au service des entreprises collectives."
    texts.save()
    OfficeFactory(settings=OrganisationSettings.load(), city="Sherbrooke", sort_order=2)
    footer = footer_text(client)
    assert "Une coopérative de solidarité" in footer and "Sherbrooke" in footer
    contact = OrganisationSettings.load()
    contact.email = "bonjour@example.org"
    contact.save()
    assert "bonjour@example.org" in footer_text(client)


def test_a_new_view_restriction_is_enforced_at_once(client, about):
    assert client.get("/fr/a-propos/").status_code == 200  # « no restriction » now cached
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/fr/a-propos/")
    # Front-end sign-in is the member space's (WAGTAIL_FRONTEND_LOGIN_URL).
    assert response.status_code == 302 and "/membership/sign-in/" in response["Location"]
    restriction.delete()
    assert client.get("/fr/a-propos/").status_code == 200


def test_one_request_reads_the_chrome_version_once(client, about):
    """The page's menus, home pages and footer share one read of the version (per request,
    so another server's change is seen at the next one)."""
    from unittest import mock

    from consortium.caching import content_version

    client.get("/fr/a-propos/")
    with mock.patch.object(content_version.cache, "get", wraps=content_version.cache.get) as get:
        assert client.get("/fr/a-propos/").status_code == 200
    reads = [
        call.args[0] for call in get.call_args_list if call.args[0] == content_version.VERSION_KEY
    ]
    assert len(reads) == 2, reads  # the request's, and the view restrictions' (no request)
