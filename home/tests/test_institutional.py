"""Contact and about pages: tree rules, settings shown on the contact page, timeline."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from consortium.models import OrganisationSettings
from home.factories import StandardPageFactory
from home.models import ContactPage, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(site_tree):
    page = ContactPage(title="Nous joindre", slug="contact", intro="Appelez-nous.")
    site_tree.fr_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_contact_page_tree_rules(contact_page, site_tree):
    assert ContactPage.allowed_parent_page_models() == [HomePage]
    assert not ContactPage.can_create_at(site_tree.fr_home)  # one per home page


def test_contact_page_shows_the_settings_and_map_links(client, contact_page):
    doc = get(client, "/fr/contact/")
    main = doc.select_one("main")
    assert main.select_one('a[href="tel:+14186221001"]').get_text() == "(418) 622-1001"
    assert "du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030" in main.get_text()
    maps = [a["href"] for a in main.select(".field-card a")]
    assert maps == [
        "https://www.openstreetmap.org/search?query=1000%2C+rue+Exemple%2C+Montr%C3%A9al%2C+QC%2C+H2X+1Y4",
        "https://www.openstreetmap.org/search?query=1000%2C+rue+Exemple%2C+Qu%C3%A9bec%2C+QC%2C+H2X+1Y4",
    ]
    assert not main.select("iframe")


def test_settings_edited_in_the_admin_show_on_the_contact_page(client, admin_client, contact_page):
    contact = OrganisationSettings.load()
    offices = list(contact.offices.all())
    data = nested_form_data(
        {
            "main_phone": "418 555-0123",
            "toll_free_phone": "",
            "email": "",
            "open_from_day": "0",
            "open_to_day": "4",
            "opens_at": "08:00",
            "closes_at": "17:00",
            "offices": inline_formset(
                [
                    {"id": office.id, "city": office.city, "street_address": "1, rue Neuve",
                     "province": "QC", "postal_code": "G1K 3A1"}
                    for office in offices
                ],
                initial=len(offices),
            ),
            "social_links": inline_formset([], initial=0),
        }
    )  # fmt: skip
    response = admin_client.post(
        f"/admin/settings/consortium/organisationsettings/{contact.pk}/", data
    )
    assert response.status_code == 302
    main = get(client, "/fr/contact/").select_one("main")
    assert main.select_one('a[href="tel:+14185550123"]')
    assert "de 8\u00a0h à 17\u00a0h" in main.get_text()


def test_timeline_is_an_ordered_list(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr_home,
        title="À propos",
        slug="a-propos",
        body=[
            (
                "timeline",
                {
                    "heading": "Notre histoire",
                    "events": [
                        {"year": "2011", "text": "Fondation."},
                        {"year": "2014", "text": "CREC."},
                    ],
                },
            )
        ],
    )
    doc = get(client, page.url)
    events = doc.select("ol.timeline__list li")
    assert [event.select_one(".timeline__year").get_text() for event in events] == ["2011", "2014"]
