"""Site search on the demo content, as visitors type: plurals and singulars, with or
without accents, a synonym staff added, the pages whose title matches first; on the
database the run uses (PostgreSQL in CI, SQLite for `make test` without DATABASE_URL)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from consortium.models import SearchSynonym

pytestmark = pytest.mark.django_db


def titles(client, path: str, query: str) -> list[str]:
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in document.select(".search-result h3 a")]


@pytest.mark.parametrize("query", ["juridique", "juridiques", "JURIDIQUE", "avocat"])
def test_french_words_find_the_legal_services(client, demo, query):
    assert titles(client, "/fr/recherche/", query)[0] == "Services juridiques"


@pytest.mark.parametrize("query", ["legal", "lawyer", "Lawyers"])
def test_english_words_find_the_legal_services(client, demo, query):
    assert titles(client, "/en/search/", query)[0] == "Legal services"


def test_accents_are_optional(client, demo):
    with_accents = titles(client, "/fr/recherche/", "développement")
    assert with_accents and titles(client, "/fr/recherche/", "developpement") == with_accents
    assert titles(client, "/fr/recherche/", "cooperative") == titles(
        client, "/fr/recherche/", "coopératives"
    )


def test_pages_whose_title_matches_come_first(client, demo):
    found = titles(client, "/fr/recherche/", "coopératives")
    assert len(found) > 3 and found[0] != "Graphisme"
    in_title = [title for title in found if "coopérati" in title.lower()]
    assert in_title and found[: len(in_title)] == in_title


def test_a_synonym_staff_add_is_used_at_once(client, demo):
    assert titles(client, "/fr/recherche/", "graphiste") == []
    SearchSynonym.objects.create(language="fr", term="graphiste", finds="graphisme")
    assert titles(client, "/fr/recherche/", "graphiste")[0] == "Graphisme"
    assert titles(client, "/en/search/", "graphiste") == []  # French synonyms only in French


def test_build_demo_indexes_every_live_page(demo):
    """The index is built as pages are published (Wagtail's signals), by ``build_demo``
    too: no ``update_index`` needed before search answers."""
    live = {str(pk) for pk in Page.objects.live().exclude(depth=1).values_list("pk", flat=True)}
    indexed = set(IndexEntry.objects.values_list("object_id", flat=True))
    assert len(live) > 50
    assert live <= indexed
