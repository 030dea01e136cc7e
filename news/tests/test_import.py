"""The import command on the project's five sample articles (the shapes of the old site's
press archive, written in our own words: news/tests/samples/) and on bad files."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.search.models import IndexEntry

from news.importing import ArticleImportError, parse_article
from news.models import ImportRecord, NewsPage

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"
SAMPLE_DATES = {
    "01_partenariat.txt": datetime.date(2019, 4, 15),  # « Publié le : 15 avril 2019 »
    "02_journee.txt": datetime.date(2020, 7, 3),  # « Québec, le 3 juillet 2020 – »
    "03_fondation.txt": datetime.date(2014, 12, 2),  # a dateline and no headline first
    "04_magazine.txt": datetime.date(2019, 6, 1),  # « JUIN 2019 »: the first of the month
    "05_plan.txt": datetime.date(2020, 12, 1),  # « fin d’année 2020 »: 1 December
}
FURNITURE = ["Share This", "Cet article vous a-t-il été utile", "Suivez-nous", "Publications"]


def run(*files) -> str:
    out = io.StringIO()
    call_command("import_news", *map(str, files), stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def samples():
    paths = sorted(SAMPLES.glob("*.txt"))
    assert [path.name for path in paths] == sorted(SAMPLE_DATES)
    return paths


def test_the_five_sample_files_become_five_drafts_with_their_dates(news_tree, samples):
    run(*samples)
    drafts = NewsPage.objects.child_of(news_tree.fr_index).filter(live=False)
    assert drafts.count() == 5
    records = {record.source_name: record.page for record in ImportRecord.objects.all()}
    assert {name: page.specific.date for name, page in records.items()} == SAMPLE_DATES
    titles = {page.title for page in drafts}
    assert "Deux réseaux unissent leurs conseillers au service des coopératives" in titles
    assert "Un nouveau nom pour un centre de services partagés" in titles
    for page in drafts:
        text = " ".join(str(block.value) for block in page.specific.body)
        assert len(page.specific.body) >= 3
        for furniture in FURNITURE:
            assert furniture not in text, (page.title, furniture)


def test_a_file_is_never_imported_twice(news_tree, samples):
    run(samples[0])
    output = run(samples[0])
    assert "already imported" in output
    assert NewsPage.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("Caf\u00e9 au lait, un titre assez long\n\nUn paragraphe.".encode("latin-1"), "UTF-8"),
        (b"Publications\nShare This\n", "no text"),
    ],
)
def test_bad_files_get_a_clear_error_and_create_nothing(news_tree, tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_news", str(path), stdout=out, stderr=out)
    assert message in out.getvalue()
    assert not NewsPage.objects.exists()
    assert not ImportRecord.objects.exists()


def test_missing_file_is_reported(news_tree, tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_news", str(tmp_path / "absent.txt"), stdout=out, stderr=out)
    assert "cannot be read" in out.getvalue()


def test_parse_article_keeps_paragraphs_and_headings():
    parsed = parse_article(
        "Publications\nUn titre d’article bien réel\nQuébec, le 3 juillet 2020 – Le texte.\n"
        "Un intertitre\nUn deuxième paragraphe complet.\nShare This\nMenu"
    )
    assert parsed.title == "Un titre d’article bien réel"
    assert parsed.date == datetime.date(2020, 7, 3)
    assert parsed.blocks == [
        ("paragraph", "Québec, le 3 juillet 2020 – Le texte."),
        ("heading", "Un intertitre"),
        ("paragraph", "Un deuxième paragraphe complet."),
    ]


def test_parse_article_without_headline_is_an_error():
    with pytest.raises(ArticleImportError, match="headline"):
        parse_article("UN SURTITRE\nUne phrase qui se termine par un point.")


def test_a_file_without_date_is_imported_with_a_warning(news_tree, tmp_path):
    path = tmp_path / "sans-date.txt"
    path.write_text("Un article sans date précise\nUn premier paragraphe complet.\n")
    output = run(path)
    assert "no date in the file" in output
    assert NewsPage.objects.get().live is False


def test_imported_drafts_are_indexed_and_found_once_published(news_tree, samples, client):
    run(samples[0])
    draft = NewsPage.objects.get()
    assert IndexEntry.objects.filter(object_id=str(draft.pk)).exists()
    response = client.get("/fr/recherche/?q=conseillers")
    assert draft.title not in response.content.decode()  # a draft is never a result
    draft.save_revision().publish()
    response = client.get("/fr/recherche/?q=conseillers")
    assert draft.title in response.content.decode()
