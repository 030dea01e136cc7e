"""Menus edited per language by staff: rendering, aria-current, fallback, admin edits."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from consortium.factories import NavigationMenuFactory, page_items
from consortium.models import NavigationMenu
from home.factories import StandardPageFactory
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def links(client, url, selector="nav.main-nav a"):
    response = client.get(url)
    assert response.status_code == 200
    document = BeautifulSoup(response.content.decode(), "html.parser")
    return [(a.get_text(), a["href"], a.get("aria-current")) for a in document.select(selector)]


@pytest.fixture
def about(site_tree):
    """« À propos » with a child page, both in the French main menu after the home page."""
    about = StandardPageFactory(parent=site_tree.fr_home, title="À propos", slug="a-propos")
    StandardPageFactory(parent=about, title="Gouvernance", slug="gouvernance")
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="fr")
    menu.items = page_items(site_tree.fr_home, about)
    menu.save()
    return about


def test_current_page_and_its_section_are_marked(client, about):
    assert links(client, "/fr/a-propos/") == [
        ("Accueil", "/fr/", None),
        ("À propos", "/fr/a-propos/", "page"),
    ]
    # Below « À propos », it is the current section; the home page is never a section.
    assert links(client, "/fr/a-propos/gouvernance/") == [
        ("Accueil", "/fr/", None),
        ("À propos", "/fr/a-propos/", "true"),
    ]
    assert links(client, "/fr/")[0] == ("Accueil", "/fr/", "page")


def test_footer_menu_marks_the_current_page(client, site_tree):
    assert links(client, "/fr/confidentialite/", "footer nav a") == [
        ("Politique de confidentialité", "/fr/confidentialite/", "page"),
        ("Déclaration d’accessibilité", "/fr/accessibilite/", None),
    ]


def test_without_an_english_menu_the_french_one_leads_to_english_pages(client, site_tree, about):
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="fr")
    menu.items = page_items(site_tree.fr_home, about, labels={1: "Qui sommes-nous"})
    menu.save()
    assert links(client, "/fr/")[1][0] == "Qui sommes-nous"
    publish_translation(about, site_tree.locales["en"], title="About us", slug="about")
    # The French label is not shown to English readers: the English page's title is.
    assert links(client, "/en/") == [("Home", "/en/", "page"), ("About us", "/en/about/", None)]


def test_english_menu_has_its_own_items_and_labels(client, site_tree, about):
    NavigationMenuFactory(
        locale=site_tree.locales["en"],
        slot="main",
        items=[
            *page_items(site_tree.en_home, labels={0: "Welcome"}),
            ("link", {"url": "https://www.example.org/", "label": "Our network"}),
        ],
    )
    assert links(client, "/en/") == [
        ("Welcome", "/en/", "page"),
        ("Our network", "https://www.example.org/", None),
    ]
    assert [label for label, _url, _current in links(client, "/fr/")] == ["Accueil", "À propos"]


def test_unpublished_pages_leave_the_menu(client, about):
    about.unpublish()
    assert links(client, "/fr/") == [("Accueil", "/fr/", "page")]


def test_one_menu_per_place_and_language(site_tree):
    duplicate = NavigationMenu(locale=site_tree.locales["fr"], slot="main", items=[])
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slot" in error.value.message_dict
    # The same place in another language is another menu.
    NavigationMenu(locale=site_tree.locales["en"], slot="main", items=[]).full_clean()


def test_menu_edited_in_the_admin_shows_on_the_site(client, admin_client, site_tree, about):
    menu = NavigationMenu.objects.get(slot="main", locale__language_code="fr")
    data = nested_form_data(
        {
            "slot": "main",
            "items": streamfield(
                [
                    ("page", {"page": about.id, "label": "Le Consortium"}),
                    ("link", {"url": "https://www.example.org/", "label": "Notre réseau"}),
                ]
            ),
        }
    )
    response = admin_client.post(f"/admin/snippets/consortium/navigationmenu/edit/{menu.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert links(client, "/fr/a-propos/") == [
        ("Le Consortium", "/fr/a-propos/", "page"),
        ("Notre réseau", "https://www.example.org/", None),
    ]


def test_a_second_menu_in_the_admin_gets_a_message_not_an_error(admin_client, site_tree):
    data = nested_form_data({"slot": "main", "items": streamfield([])})
    response = admin_client.post("/admin/snippets/consortium/navigationmenu/add/?locale=fr", data)
    assert response.status_code == 200
    assert "Cette langue a déjà ce menu" in response.content.decode()
    assert NavigationMenu.objects.filter(slot="main").count() == 1
