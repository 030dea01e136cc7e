"""Per-language site texts: the footer's presentation and the privacy officer (Loi 25)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data

from consortium.factories import SiteTextsFactory
from consortium.models import SiteTexts

pytestmark = pytest.mark.django_db


def document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_privacy_policy_shows_version_date_and_officer(client, site_tree):
    main = document(client, "/fr/confidentialite/").main
    meta = main.select_one(".page-meta").get_text(" ", strip=True)
    assert meta == "Version 2026-1, en vigueur depuis le 1er novembre 2026"
    assert main.select_one(".page-meta time")["datetime"] == "2026-11-01"
    officer = main.select_one("section.officer")
    assert "Camille Tremblay" in officer.get_text() and "Directrice générale" in officer.get_text()
    assert officer.select_one('a[href="mailto:confidentialite@consortium.example"]')
    assert officer.select_one('a[href="tel:+14186221001"]').get_text() == "(418) 622-1001"


def test_english_pages_use_english_texts_when_they_exist(client, site_tree):
    # Only French texts: English readers get them rather than nothing.
    assert "Directrice générale" in document(client, "/en/privacy/").main.get_text()
    SiteTextsFactory(
        locale=site_tree.locales["en"],
        footer_summary="A solidarity cooperative serving collective enterprises.",
        privacy_officer_title="Executive Director",
    )
    english = document(client, "/en/privacy/")
    assert "Executive Director" in english.main.get_text()
    assert "A solidarity cooperative serving collective enterprises." in english.footer.get_text()
    french = document(client, "/fr/")
    assert "Une coopérative de solidarité" in french.footer.get_text()


def test_one_set_of_texts_per_language(site_tree):
    with pytest.raises(ValidationError):
        SiteTextsFactory.build(locale=site_tree.locales["fr"]).full_clean()
    SiteTextsFactory.build(locale=site_tree.locales["en"]).full_clean()


def test_officer_edited_in_the_admin_shows_on_the_privacy_policy(client, admin_client, site_tree):
    texts = SiteTexts.objects.get(locale__language_code="fr")
    data = nested_form_data(
        {
            "footer_summary": "Une coopérative de solidarité.",
            "privacy_officer_name": "Alex Gagnon",
            "privacy_officer_title": "Responsable de la conformité",
            "privacy_officer_email": "alex@consortium.example",
            "privacy_officer_phone": "",
        }
    )
    response = admin_client.post(f"/admin/snippets/consortium/sitetexts/edit/{texts.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    officer = document(client, "/fr/confidentialite/").select_one("section.officer").get_text()
    assert "Alex Gagnon" in officer and "Responsable de la conformité" in officer
    assert "Une coopérative de solidarité." in document(client, "/fr/").footer.get_text()


def test_invalid_officer_email_is_refused_with_a_message(admin_client, site_tree):
    texts = SiteTexts.objects.get(locale__language_code="fr")
    data = nested_form_data(
        {
            "footer_summary": "Une coopérative.",
            "privacy_officer_name": "Alex Gagnon",
            "privacy_officer_title": "Responsable",
            "privacy_officer_email": "pas une adresse",
            "privacy_officer_phone": "",
        }
    )
    response = admin_client.post(f"/admin/snippets/consortium/sitetexts/edit/{texts.pk}/", data)
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide" in response.content.decode()
    assert SiteTexts.objects.get(pk=texts.pk).privacy_officer_name == "Camille Tremblay"
