"""The demo site's content: complete, in both languages, as a newcomer's `make run` shows it.

The demo is the session's shared one (tests/fixtures/demo.py): each test runs in its own
savepoint, so tests cannot see each other's changes. The command's own behaviour
(idempotence, the dev admin) is tested in test_demo_command.py.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, Site

from consortium.models import OrganisationSettings
from expertise.models import ExpertisePage
from home.models import HomePage, PrivacyPolicyPage, StandardPage

pytestmark = pytest.mark.django_db


def test_site_root_is_the_french_home_with_an_english_translation(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "fr"
    english = home.get_translation(home.locale.__class__.objects.get(language_code="en"))
    assert english.live
    assert english.specific.hero_title == "Shared expertise for Québec’s collective enterprises"
    assert english.specific.key_figures[0].value["figure"] == "Nearly 50"
    # Wagtail's placeholder page is gone; only the two homes sit under the root.
    assert Page.objects.filter(depth=2).count() == 2


def test_legal_pages_exist_in_both_languages_and_feed_the_footer(demo):
    slugs = set(StandardPage.objects.values_list("locale__language_code", "slug"))
    assert {("fr", "accessibilite"), ("en", "accessibility")} <= slugs
    policies = PrivacyPolicyPage.objects.live().order_by("locale__language_code")
    assert [(p.locale.language_code, p.slug, p.version) for p in policies] == [
        ("en", "privacy", "2026-1"),
        ("fr", "confidentialite", "2026-1"),
    ]
    contact = OrganisationSettings.load()
    assert contact.privacy_page.specific == policies[1]
    offices = list(contact.offices.all())
    assert [office.city for office in offices] == ["Montréal", "Québec"]
    # Complete, so the newsletter's emails go; visibly not real addresses.
    assert all(office.is_complete and "fictive" in office.street_address for office in offices)
    assert contact.main_phone.as_e164 == "+14186221001"


def test_demo_site_serves_both_homes(demo, client):
    french = client.get("/fr/")
    english = client.get("/en/")
    assert french.status_code == english.status_code == 200
    assert "(418) 622-1001" in french.content.decode()
    assert (
        "du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030" in french.content.decode()
    )
    assert "Monday to Friday, 8:30 a.m. to 4:30 p.m." in english.content.decode()
    assert client.get("/en/privacy/").status_code == 200


def test_demo_news_has_the_five_seed_stories_with_their_dates(demo, client):
    import datetime

    from news.models import NewsPage

    french = NewsPage.objects.live().filter(locale__language_code="fr")
    assert sorted(french.values_list("date", flat=True)) == [
        datetime.date(2014, 12, 2),
        datetime.date(2019, 4, 15),
        datetime.date(2019, 6, 1),
        datetime.date(2020, 7, 3),
        datetime.date(2020, 12, 1),
    ]
    english = NewsPage.objects.live().filter(locale__language_code="en")
    assert english.count() == 5
    assert all(page.category.locale.language_code == "en" for page in english)
    listing = client.get("/fr/actualites/").content.decode()
    assert listing.count('class="card"') == 5
    assert "3 juillet 2020" in listing and "1er décembre 2020" in listing
    assert client.get("/en/news/").content.decode().count('class="card"') == 5


def test_demo_has_twenty_fields_of_expertise_in_both_languages(demo, client):
    from expertise.models import ExpertisePage

    for language, url in (("fr", "/fr/expertises/"), ("en", "/en/expertise/")):
        fields = ExpertisePage.objects.live().filter(locale__language_code=language)
        assert fields.count() >= 20
        assert all(field.localized_experts() for field in fields)
        assert client.get(url).content.decode().count('class="field-card"') == fields.count()
    english = ExpertisePage.objects.get(locale__language_code="en", slug="legal-services")
    assert english.localized_experts()[0].name == "Legal team"


def test_demo_institutional_pages_and_menu(demo, client):
    for url in ("/fr/a-propos/", "/en/about/", "/fr/contact/", "/en/contact/"):
        assert client.get(url).status_code == 200, url
    about = client.get("/fr/a-propos/").content.decode()
    assert "2011" in about and "1er décembre" in about and "en 2020" in about
    menu = BeautifulSoup(client.get("/fr/").content.decode(), "html.parser").select(
        "nav.main-nav a"
    )
    assert [link.get_text() for link in menu] == [
        "Accueil",
        "Actualités et conseils",
        "Nos expertises",
        "Devenir membre",
        "À propos",
        "Nous joindre",
    ]


def test_demo_privacy_policy_covers_loi_25(demo, client):
    """What the membership form collects and why, retention, rights, version and date, and
    the privacy officer from the site texts, in both languages."""
    french = BeautifulSoup(client.get("/fr/confidentialite/").content.decode(), "html.parser")
    main = french.select_one("main")
    headings = [h2.get_text(strip=True) for h2 in main.select("h2")]
    assert {
        "Ce que recueille la demande d’adhésion",
        "Pourquoi nous les recueillons",
        "Combien de temps nous les gardons",
        "Vos droits",
        "Personne responsable de la protection des renseignements personnels",
    } <= set(headings)
    assert "NEQ" in main.get_text() and "24 mois" in main.get_text()
    meta = main.select_one(".page-meta").get_text(" ", strip=True)
    assert meta == "Version 2026-1, en vigueur depuis le 1er novembre 2026"
    officer = main.select_one(".officer").get_text(" ", strip=True)
    assert "J. Benoit Caron" in officer and "Directeur général" in officer
    english = BeautifulSoup(client.get("/en/privacy/").content.decode(), "html.parser")
    officer = english.select_one(".officer").get_text(" ", strip=True)
    assert "J. Benoit Caron" in officer and "Executive Director" in officer
    meta = english.select_one(".page-meta").get_text(" ", strip=True)
    assert meta == "Version 2026-1, in force since November 1, 2026"


def test_demo_privacy_policy_lists_the_newsletter_its_provider_and_the_registers(demo, client):
    for url, words, governance in [
        (
            "/fr/confidentialite/",
            ["L’infolettre", "Cyberimpact", "registre des incidents", "journal"],
            "/fr/gouvernance-renseignements-personnels/",
        ),
        (
            "/en/privacy/",
            ["The newsletter", "Cyberimpact", "register of confidentiality incidents", "log"],
            "/en/personal-information-governance/",
        ),
    ]:
        main = BeautifulSoup(client.get(url).content.decode(), "html.parser").select_one("main")
        text = main.get_text(" ")
        assert all(word in text for word in words), url
        assert main.select_one(f'a[href="{governance}"]'), url


def test_demo_governance_policy_is_versioned_and_links_back(demo, client):
    for url, meta, privacy in [
        (
            "/fr/gouvernance-renseignements-personnels/",
            "Version 2026-1, en vigueur depuis le 1er décembre 2026",
            "/fr/confidentialite/",
        ),
        (
            "/en/personal-information-governance/",
            "Version 2026-1, in force since December 1, 2026",
            "/en/privacy/",
        ),
    ]:
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        assert page.select_one(".page-meta").get_text(" ", strip=True) == meta
        assert page.select_one(f'main a[href="{privacy}"]')
        assert page.select_one(f'footer nav a[href="{url}"]')  # the footer links it
        assert page.select_one(".officer")


def test_demo_menus_footer_and_accessibility_contact_in_both_languages(demo, client):
    english = BeautifulSoup(client.get("/en/accessibility/").content.decode(), "html.parser")
    assert [a.get_text() for a in english.select("nav.main-nav a")] == [
        "Home",
        "News and advice",
        "Our expertise",
        "Become a member",
        "About us",
        "Contact us",
    ]
    footer_links = english.select("footer nav a")
    assert [(a.get_text(), a["href"]) for a in footer_links] == [
        ("Our members", "/en/members/"),
        ("Privacy policy", "/en/privacy/"),
        ("Personal information governance policy", "/en/personal-information-governance/"),
        ("Accessibility statement", "/en/accessibility/"),
        ("Contact us", "/en/contact/"),
    ]
    assert footer_links[3]["aria-current"] == "page"
    assert "shared access to specialised experts" in english.footer.get_text()
    # « Report a barrier » is followed by the contact details of the settings.
    report = english.main.find("h2", string="Report a barrier")
    details = report.find_next("ul", class_="contact-details")
    assert details.select_one('a[href="tel:+14186221001"]')


def test_demo_fields_show_related_news_in_their_language(demo, client):
    french = BeautifulSoup(
        client.get("/fr/expertises/gouvernance/").content.decode(), "html.parser"
    )
    news = french.select_one('section[aria-labelledby="field-news-heading"]')
    assert [a["href"] for a in news.select("a")] == [
        "/fr/actualites/le-consortium-devient-le-crec/"
    ]
    english = BeautifulSoup(client.get("/en/expertise/governance/").content.decode(), "html.parser")
    news = english.select_one('section[aria-labelledby="field-news-heading"]')
    assert [a["href"] for a in news.select("a")] == ["/en/news/the-consortium-becomes-the-crec/"]


def test_demo_membership_page_takes_an_application(demo, client):
    page = BeautifulSoup(client.get("/fr/adhesion/").content.decode(), "html.parser")
    assert [dt.get_text() for dt in page.select("dl.categories dt")] == [
        "Membre utilisateur",
        "Membre de soutien",
        "Membre auxiliaire",
    ]
    fields = page.select('input[name="fields_of_interest"]')
    assert len(fields) >= 20
    english = BeautifulSoup(client.get("/en/membership/").content.decode(), "html.parser")
    assert [dt.get_text() for dt in english.select("dl.categories dt")][0] == "User member"


@pytest.mark.parametrize(
    ("home", "field", "contact", "index", "request_form"),
    [
        (
            "/fr/",
            "/fr/expertises/services-juridiques/",
            "/fr/contact/",
            "/fr/expertises/",
            "/fr/demande-de-service/?expertise=services-juridiques",
        ),
        (
            "/en/",
            "/en/expertise/legal-services/",
            "/en/contact/",
            "/en/expertise/",
            "/en/service-request/?expertise=legal-services",
        ),
    ],
)
def test_every_call_to_action_goes_somewhere_useful(
    client, demo, home, field, contact, index, request_form
):
    """« Nous joindre » leads to the contact page (not the footer), which gives the general
    email; the home page links to every field of expertise; a field's call to action is
    its request form with the field chosen, and the field's team gets the request."""
    page = BeautifulSoup(client.get(home).content, "html.parser")
    main = page.select_one("main")
    assert main.select_one(f'a.btn[href="{contact}"]') is not None
    assert not main.select('a[href="#coordonnees"]')
    assert main.select_one(f'a[href="{index}"]') is not None
    page = BeautifulSoup(client.get(field).content, "html.parser")
    assert page.select_one(f'main .cta a[href="{request_form}"]') is not None
    form = BeautifulSoup(client.get(request_form).content, "html.parser")
    assert len(form.select('input[name="expertise_fields"][checked]')) == 1
    legal = ExpertisePage.objects.get(slug="services-juridiques")
    assert legal.request_email == "equipe-juridique@example.org"
    assert legal.get_translation(Locale.objects.get(language_code="en")).request_email == (
        legal.request_email
    )
    response = client.get(contact)
    assert response.status_code == 200
    email = OrganisationSettings.load().email
    assert email and f'href="mailto:{email}"' in response.content.decode()


@pytest.mark.parametrize(
    ("url", "figures", "section"),
    [
        ("/fr/a-propos/rapports-annuels/2024-2025/", "85 487", "Services aux membres"),
        ("/en/about/annual-reports/2024-2025/", "85,487", "Services to members"),
    ],
)
def test_the_2024_2025_report_with_its_table_of_contents(client, demo, url, figures, section):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    contents = [a.get_text() for a in page.select("nav.table-of-contents a")]
    assert len(contents) == 8 and section in contents
    assert figures in page.select_one(".key-figures").get_text()
    home = BeautifulSoup(client.get(url[:4]).content, "html.parser")
    assert figures in home.select_one("#figures-title").find_parent("section").get_text()


def test_the_events_upcoming_past_and_the_general_assembly(client, demo):
    listing = BeautifulSoup(client.get("/fr/evenements/").content, "html.parser")
    upcoming = listing.find(id="upcoming-heading").parent.get_text()
    past = listing.find(id="past-heading").parent.get_text()
    assert "Formation : gouvernance des coopératives" in upcoming
    assert "Assemblée générale annuelle" in upcoming
    assert "Rencontre des membres de la région de Québec" in past
    english = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    assert "Annual general assembly" in english.find(id="upcoming-heading").parent.get_text()
    aga = BeautifulSoup(client.get("/fr/evenements/assemblee-generale/").content, "html.parser")
    assert "Ordre du jour" in aga.get_text() and "Élection des administrateurs" in aga.get_text()
    assert "réservés aux personnes-ressources" in aga.get_text()
    ics = client.get("/fr/evenements/formation-gouvernance/ics/")
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content
