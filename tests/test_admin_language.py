"""The admin in French (consortium.staff.admin_language, consortium.upstream.admin_labels): French
unless a staff member chooses otherwise, whatever the browser says; the screens staff use,
walked with an English browser, show no English text."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.users.models import UserProfile

from assembly.permissions import CHAIR_GROUP
from consortium.models import NavigationMenu, SiteTexts
from consortium.staff.roles import (
    COMMITTEE_GROUP,
    COMMUNICATIONS_GROUP,
    EDITORS_GROUP,
    PRIVACY_OFFICER_GROUP,
)

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
# Words and phrases seen in English on these screens before (issue #16), and common ones.
ENGLISH = re.compile(
    r"\b(True|False|None|Root|Site name|Root page|More actions|Save Selected|Exploring|"
    r"Publish in|Dashboard|Settings|Edit|Delete|Search|Sync|Translate|Yes|No|Locales?|"
    r"Translation|Can (add|change|delete|view|submit|access|choose)|Editor Guide|"
    r"What's new)\b"
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
    "/admin/newsletter-subscribers/",
    "/admin/privacy/incidents/new/",
    "/admin/privacy/anonymisation-log/",
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


def english_on(client, urls) -> dict[str, list[str]]:
    """The English texts on each screen, walked with an English browser."""
    found = {}
    for url in urls:
        response = client.get(url, follow=True, **ENGLISH_BROWSER)
        assert response.status_code == 200, url
        english = sorted({text for text in visible_text(response.content) if ENGLISH.search(text)})
        if english:
            found[url] = english
    return found


def menu_urls(client) -> list[str]:
    """The admin screens a staff member's menu leads to (the sidebar is built from JSON)."""
    document = BeautifulSoup(client.get("/admin/").content, "html.parser")
    props = document.select_one("#wagtail-sidebar-props").string
    return sorted(set(re.findall(r'"url": "(/admin/[^"]*)"', props)) - {"/admin/logout/"})


def test_staff_screens_show_no_english_text(client, demo):
    client.force_login(get_user_model().objects.create_superuser("tour", "t@example.org", "x"))
    homes = Page.objects.filter(depth=2).order_by("locale__language_code")
    screens = SCREENS + [f"/admin/pages/{home.pk}/" for home in homes]
    screens += [f"/admin/pages/{homes.get(locale__language_code='fr').pk}/edit/"]
    screens += [f"/admin/groups/edit/{group.pk}/" for group in Group.objects.all()]
    screens += [
        f"/admin/snippets/consortium/{model._meta.model_name}/edit/{item.pk}/"
        for model in (NavigationMenu, SiteTexts)
        for item in model.objects.filter(locale__language_code="fr")
    ]
    screens += menu_urls(client)
    assert not english_on(client, screens)


@pytest.mark.parametrize(
    "group",
    [EDITORS_GROUP, COMMUNICATIONS_GROUP, COMMITTEE_GROUP, PRIVACY_OFFICER_GROUP, CHAIR_GROUP],
)
def test_each_role_walks_its_menu_in_french(client, demo, group):
    from membership.actions import submit_application
    from membership.tests.test_concurrency import application_data

    application = submit_application(application_data(1), language="en", policy_version="1")
    member = get_user_model().objects.create_user("role", "r@example.org", "x")
    member.groups.add(Group.objects.get(name=group))
    client.force_login(member)
    screens = menu_urls(client)
    assert len(screens) >= 2, screens
    if group == COMMITTEE_GROUP:
        screens += [
            f"/admin/membership-applications/inspect/{application.pk}/",
            f"/admin/membership-applications/history/{application.pk}/",
        ]
    if group == CHAIR_GROUP:
        screens += chair_screens()
    assert not english_on(client, screens)


def chair_screens() -> list[str]:
    """The chair's screens of the demo's assemblies: the next (roll, votes prepared) and
    last year's (votes closed, its draft minutes)."""
    from assembly.models import Assembly

    upcoming, past = Assembly.objects.order_by("-event__start")
    motion = upcoming.motions.first()
    return [
        f"/admin/assembly/{upcoming.pk}/chair/",
        f"/admin/assembly/{past.pk}/chair/",
        f"/admin/assembly/{past.pk}/minutes/",
        f"/admin/assemblies/edit/{upcoming.pk}/",
        f"/admin/assembly-votes/edit/{motion.pk}/",
        "/admin/assembly-votes/new/",
        f"/admin/assembly-roll/?assembly={upcoming.pk}",
        f"/admin/assembly-left-off/?assembly={upcoming.pk}",
    ]


def test_the_languages_screen_and_permissions_say_language_not_region(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("langues", "l@example.org", "x"))
    text = " ".join(visible_text(client.get("/admin/locales/", **ENGLISH_BROWSER).content))
    assert "Langues" in text and "Anglais" in text and "égion" not in text
    group = Group.objects.create(name="Essai")
    page = BeautifulSoup(
        client.get(f"/admin/groups/edit/{group.pk}/", **ENGLISH_BROWSER).content, "html.parser"
    )
    labels = [" ".join(label.get_text().split()) for label in page.select("label")]
    assert "Peut ajouter : groupe" in labels and "Peut supprimer : langue" in labels
    assert "Peut soumettre des traductions" in labels
    assert not [label for label in labels if label.startswith("Can ")]
    rows = [" ".join(cell.get_text().split()) for cell in page.select("td.title")]
    assert "Langue" in rows and "Traduction" in rows and "Locale" not in rows


def test_the_editorial_guide_is_in_the_help_menu(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("aide", "h@example.org", "x"))
    sidebar = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(
        "#wagtail-sidebar-props"
    )
    assert "/admin/guide/" in sidebar.string and "docs.wagtail.org" not in sidebar.string
    response = client.get("/admin/guide/", **ENGLISH_BROWSER)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    assert (
        page.select_one("h1").get_text(strip=True) == "Guide de rédaction — le site du Consortium"
    )
    assert page.select("main h1") == [] or len(page.select("h1")) == 1
    assert page.select_one(".editor-guide table th").get_text(strip=True) == "Groupe"
    assert page.select_one(".editor-guide h2#qui-fait-quoi")


def test_translatable_snippets_offer_translate_and_sync_on_their_edit_page(client, site_tree):
    from consortium.factories import SiteTextsFactory
    from consortium.upstream.translation import translate

    client.force_login(get_user_model().objects.create_superuser("sync", "s@example.org", "x"))
    texts = SiteTextsFactory()
    edit = f"/admin/snippets/consortium/sitetexts/edit/{texts.pk}/"

    def header_links():
        page = BeautifulSoup(client.get(edit).content, "html.parser")
        return {
            " ".join(link.get_text().split()): link["href"]
            for link in page.select("header a[href]")
        }

    links = header_links()
    assert "Traduire" in links and "Synchroniser les fragments traduits" not in links
    assert client.get(links["Traduire"]).status_code == 200
    translate(texts, site_tree.locales["en"], {})
    links = header_links()
    assert "Synchroniser les fragments traduits" in links and "Traduire" not in links
    assert client.get(links["Synchroniser les fragments traduits"]).status_code == 200


def test_the_sites_listing_headings_are_french(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("sites", "s@example.org", "x"))
    headings = BeautifulSoup(client.get("/admin/sites/").content, "html.parser").select("th")
    text = " ".join(heading.get_text(" ", strip=True) for heading in headings)
    assert "Nom du site" in text and "Page racine" in text


@pytest.mark.parametrize(
    ("group", "writes"),
    [
        (COMMUNICATIONS_GROUP, True),
        (EDITORS_GROUP, True),
        (COMMITTEE_GROUP, False),
        (PRIVACY_OFFICER_GROUP, False),
    ],
)
def test_only_writers_see_the_guide_and_only_translators_the_translations(
    client, site_tree, group, writes
):
    from consortium.bootstrap.site_setup import run_setup

    run_setup()
    user = get_user_model().objects.create_user("role", "r@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    props = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(
        "#wagtail-sidebar-props"
    )
    labels = set(re.findall(r'"label": ("[^"]*")', props.string))
    labels = {json.loads(label) for label in labels}
    assert ("Guide de rédaction" in labels) == writes
    translates = group == COMMUNICATIONS_GROUP
    assert ("Traductions" in labels) == translates


def test_wagtails_french_slips_are_mended(admin_client, site_tree):
    """« Ajouter un(e) personne-ressource » on a member's record; « crées »."""
    from django.utils import translation

    html = admin_client.get("/admin/members/new/").content.decode()
    assert "un(e)" not in html and "Ajouter : personne-ressource" in html
    with translation.override("fr"):
        assert translation.gettext("All child pages will be created.").endswith("créées.")
        assert translation.gettext("model log entries") == "entrées de l’historique"
        # « À l'instant », not « Il y a 0 minute ».
        from django.utils import timezone
        from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

        assert timesince_simple(timezone.now()) == "à l'instant"
