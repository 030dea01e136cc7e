"""The admin in French (consortium.admin_language, consortium.wagtail_admin_labels): French
unless a staff member chooses otherwise, whatever the browser says; the screens staff use,
walked with an English browser, show no English text."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
# Words and phrases seen in English on these screens before (issue #16), and common ones.
ENGLISH = re.compile(
    r"\b(True|False|None|Root|Site name|Root page|More actions|Save Selected|Exploring|"
    r"Publish in|Dashboard|Settings|Edit|Delete|Search|Sync|Translate|Yes|No)\b"
)
SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/redirects/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/workflows/list/",
    "/admin/snippets/consortium/navigationmenu/",
    "/admin/snippets/consortium/sitetexts/",
    "/admin/snippets/consortium/searchsynonym/",
    "/admin/settings/consortium/organisationsettings/",
    "/admin/membership-applications/",
    "/admin/account/",
]


def visible_text(html: bytes) -> list[str]:
    """What a person reads or hears: text, and the labels and titles of elements, outside
    scripts and hidden elements."""
    document = BeautifulSoup(html, "html.parser")
    for hidden in document.select("script, style, template, [hidden]"):
        hidden.decompose()
    texts = [" ".join(text.split()) for text in document.find_all(string=True)]
    for element in document.select("[aria-label], [title], [placeholder]"):
        texts += [element.get(name, "") for name in ("aria-label", "title", "placeholder")]
    return [text for text in texts if text]


def test_the_admin_is_french_for_an_english_browser(client, site_tree):
    user = get_user_model().objects.create_superuser("admin-fr", "a@example.org", "x")
    client.force_login(user)
    response = client.get("/admin/", **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "Tableau de bord" in response.content.decode()
    login = client.__class__().get("/admin/login/", **ENGLISH_BROWSER)
    assert '<html lang="fr"' in login.content.decode()


def test_a_staff_member_who_chose_english_gets_english(client, site_tree):
    user = get_user_model().objects.create_superuser("admin-en", "e@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert '<html lang="en"' in response.content.decode()


def test_staff_screens_show_no_english_text(client, demo):
    client.force_login(get_user_model().objects.create_superuser("tour", "t@example.org", "x"))
    homes = Page.objects.filter(depth=2).order_by("locale__language_code")
    screens = SCREENS + [f"/admin/pages/{home.pk}/" for home in homes]
    screens += [f"/admin/pages/{homes.get(locale__language_code='fr').pk}/edit/"]
    found = {}
    for url in screens:
        response = client.get(url, follow=True, **ENGLISH_BROWSER)
        assert response.status_code == 200, url
        english = sorted({text for text in visible_text(response.content) if ENGLISH.search(text)})
        if english:
            found[url] = english
    assert not found, found


def test_the_sites_listing_headings_are_french(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("sites", "s@example.org", "x"))
    headings = BeautifulSoup(client.get("/admin/sites/").content, "html.parser").select("th")
    text = " ".join(heading.get_text(" ", strip=True) for heading in headings)
    assert "Nom du site" in text and "Page racine" in text
