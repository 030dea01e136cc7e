"""Staff edit the site in the admin, in French, without a developer."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from consortium.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def test_admin_refuses_anonymous_visitors(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_home_page_editor_opens_in_french(site_tree, admin_client):
    response = admin_client.get(f"/admin/pages/{site_tree.fr_home.id}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Titre d’accroche" in content or "titre d’accroche" in content.lower()
    assert "Chiffres clés" in content


def test_contact_settings_edited_in_the_admin_show_in_the_footer(site_tree, admin_client, client):
    contact = OrganisationSettings.load()
    offices = list(contact.offices.all())
    data = nested_form_data(
        {
            "main_phone": "418 555-0199",
            "toll_free_phone": "1 855 837-9142",
            "email": "info@example.org",
            "open_from_day": "0",
            "open_to_day": "3",
            "opens_at": "09:00",
            "closes_at": "16:00",
            "privacy_page": site_tree.fr_privacy.id,
            "social_links": inline_formset(
                [{"network": "linkedin", "url": "https://www.linkedin.com/company/exemple"}]
            ),
            "offices": inline_formset(
                [
                    {
                        "id": offices[0].id,
                        "city": "Montréal",
                        "street_address": "1, rue Neuve",
                        "province": "QC",
                        "postal_code": "H2X 1Y4",
                    },
                    {
                        "id": offices[1].id,
                        "city": "Québec",
                        "street_address": "123, rue Exemple",
                        "province": "QC",
                        "postal_code": "G1K 1A1",
                    },
                ],
                initial=2,
            ),
        }
    )
    response = admin_client.post(
        f"/admin/settings/consortium/organisationsettings/{contact.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    footer = client.get("/fr/").content.decode()
    assert 'href="tel:+14185550199"' in footer
    assert "du lundi au jeudi, de 9\u00a0h à 16\u00a0h" in footer
    assert "123, rue Exemple" in footer and "G1K 1A1" in footer
    assert "info@example.org" in footer
    assert (
        '<a href="https://www.linkedin.com/company/exemple" rel="me">'
        "Le Consortium sur LinkedIn</a>" in footer
    )


def test_invalid_phone_number_is_refused_with_a_message(site_tree, admin_client):
    contact = OrganisationSettings.load()
    data = nested_form_data(
        {
            "main_phone": "pas un numéro",
            "open_from_day": "0",
            "open_to_day": "4",
            "opens_at": "08:30",
            "closes_at": "16:30",
            "offices": inline_formset([], initial=0),
            "social_links": inline_formset([], initial=0),
        }
    )
    response = admin_client.post(
        f"/admin/settings/consortium/organisationsettings/{contact.pk}/", data
    )
    assert response.status_code == 200
    assert "numéro de téléphone valide" in response.content.decode()
    contact.refresh_from_db()
    assert contact.main_phone.as_e164 == "+14186221001"
