"""Annual reports: the tree, the fiscal year, the sections in their fixed order with fixed
anchors and a table of contents, the PDF's size and language, the index newest first, the
home page's figures from the latest report, both languages."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from reports.factories import AnnualReportIndexPageFactory, AnnualReportPageFactory
from reports.models import AnnualReportIndexPage, AnnualReportPage, validate_fiscal_year
from reports.sections import SECTIONS
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(site_tree):
    about = StandardPageFactory(parent=site_tree.fr_home, title="À propos", slug="a-propos")
    publish_translation(about, site_tree.locales["en"], title="About", slug="about")
    page = AnnualReportIndexPageFactory(parent=about)
    publish_translation(
        page, site_tree.locales["en"], title="Annual reports", slug="annual-reports"
    )
    return page


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_tree_rules(index):
    assert AnnualReportIndexPage.allowed_parent_page_models() == [StandardPage]
    assert AnnualReportIndexPage.allowed_subpage_models() == [AnnualReportPage]
    assert AnnualReportPage.allowed_parent_page_models() == [AnnualReportIndexPage]
    assert AnnualReportPage.allowed_subpage_models() == []
    assert not AnnualReportIndexPage.can_create_at(index.get_parent())  # one index


@pytest.mark.parametrize("value", ["2024-2025", "1999-2000"])
def test_a_fiscal_year_is_two_consecutive_years(value):
    validate_fiscal_year(value)


@pytest.mark.parametrize("value", ["2024", "2024-2026", "2025-2024", "24-25", "2024–2025", ""])
def test_other_fiscal_years_are_refused_with_a_message(value):
    with pytest.raises(ValidationError) as error:
        validate_fiscal_year(value)
    assert "2024-2025" in str(error.value)


def test_the_report_shows_its_sections_in_order_with_fixed_anchors(client, index):
    report = AnnualReportPageFactory(parent=index)
    page = soup(client.get("/fr/a-propos/rapports-annuels/2024-2025/"))
    contents = page.select_one("nav.table-of-contents")
    assert contents.find("h2").get_text() == "Sommaire"
    links = [(a["href"], a.get_text()) for a in contents.select("a")]
    # Typed finances first, introduction second: shown in the reports' order.
    assert links == [
        ("#introduction", "Introduction"),
        ("#affaires-financieres", "Affaires financières"),
    ]
    for href, _title in links:
        assert page.select_one(f"section{href}") is not None
    assert "Autofinancé à 97,7 %." in page.select_one("#affaires-financieres").get_text()
    assert "263" in page.select_one(".key-figures").get_text()
    # Each figure is the fiscal year's, not a calendar year's.
    years = {span.get_text() for span in page.select(".key-figure__year")}
    assert years == {"en 2024-2025"}
    assert report.slug == "2024-2025"


def test_every_section_has_its_own_anchor():
    anchors = [anchor for _name, anchor, _title in SECTIONS]
    assert len(SECTIONS) == 8 and len(set(anchors)) == 8
    assert anchors[0] == "introduction" and "capital-humain" in anchors


def test_the_pdf_says_its_size_and_language(client, index):
    document = Document.objects.create(title="Rapport 2024-2025")
    document.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048), save=True)
    report = AnnualReportPageFactory(parent=index)
    report.pdf = document
    with pytest.raises(ValidationError):
        report.full_clean()  # a PDF without its language
    report.pdf_language = "fr"
    report.save_revision().publish()
    link = soup(client.get(report.url)).select_one(".document-link")
    assert link.a["hreflang"] == "fr"
    assert "PDF, 2,0 Kio, en français" in link.get_text(" ", strip=True).replace("\xa0", " ")


def test_the_index_lists_the_newest_first_and_the_home_shows_its_figures(client, index, site_tree):
    AnnualReportPageFactory(parent=index, fiscal_year="2023-2024")
    AnnualReportPageFactory(
        parent=index,
        fiscal_year="2024-2025",
        key_figures=[("figure", {"figure": "85 487", "label": "heures de service", "year": 2025})],
    )
    listing = soup(client.get("/fr/a-propos/rapports-annuels/"))
    assert [a.get_text() for a in listing.select(".reports-list a")] == [
        "Rapport annuel 2024-2025",
        "Rapport annuel 2023-2024",
    ]
    home = soup(client.get("/fr/"))
    figures = home.select_one("#figures-title").find_parent("section")
    assert "L’année 2024-2025 en chiffres" in figures.get_text()
    assert "85 487" in figures.get_text()
    assert figures.select_one('a[href="/fr/a-propos/rapports-annuels/2024-2025/"]')


def test_the_english_report_keeps_the_year_and_the_anchors(client, index, site_tree):
    report = AnnualReportPageFactory(parent=index)
    english = publish_translation(report, site_tree.locales["en"], title="Annual report 2024-2025")
    assert english.fiscal_year == "2024-2025" and english.slug == "2024-2025"
    page = soup(client.get("/en/about/annual-reports/2024-2025/"))
    assert [a["href"] for a in page.select("nav.table-of-contents a")] == [
        "#introduction",
        "#affaires-financieres",
    ]
    assert page.select_one("nav.table-of-contents h2").get_text() == "Contents"
    assert HomePage.objects.get(locale=site_tree.locales["en"]).latest_report() == english


def test_an_old_report_address_is_imported_like_the_others(client, index, tmp_path):
    from django.core.management import call_command

    AnnualReportPageFactory(parent=index)
    old_addresses = tmp_path / "anciennes-adresses.csv"
    old_addresses.write_text(
        "ancienne,nouvelle\n/rapport-annuel-2024-2025/,/fr/a-propos/rapports-annuels/2024-2025/\n",
        encoding="utf-8",
    )
    call_command("import_old_addresses", str(old_addresses), stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/rapport-annuel-2024-2025/")
    assert response.status_code == 301
    assert response["Location"].endswith("/fr/a-propos/rapports-annuels/2024-2025/")
    assert client.get(response["Location"]).status_code == 200
