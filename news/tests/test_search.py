"""Search over the news: stemming, language, pagination, odd input, never cached."""

import pytest
from bs4 import BeautifulSoup

from home.search import clean_query
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    doc = BeautifulSoup(response.content.decode(), "html.parser")
    return [link.get_text(strip=True) for link in doc.select(".search-result h3 a")], response


@pytest.fixture
def articles(make_articles, site_tree):
    cooperative, other = make_articles(2)
    cooperative.title = "Une coopérative de solidarité"
    cooperative.summary = "Le Consortium est une coopérative."
    cooperative.save_revision().publish()
    other.title = "Un partenariat régional"
    other.save_revision().publish()
    english = publish_translation(
        cooperative,
        site_tree.locales["en"],
        title="The solidarity cooperative",
        slug="a-solidarity-cooperative",
        summary="The Consortium is a cooperative.",
    )
    return cooperative, other, english


def test_word_search_in_the_readers_language_never_cached(client, articles):
    titles, response = results(client, "/fr/recherche/?q=coopérative")
    assert titles == ["Une coopérative de solidarité"]
    assert "no-cache" in response["Cache-Control"]
    english, _response = results(client, "/en/search/?q=cooperative")
    assert english == ["The solidarity cooperative"]


@pytest.mark.postgres
def test_plural_finds_singular_in_french(client, articles):
    """French stemming (PostgreSQL's `french` configuration for French pages)."""
    titles, _response = results(client, "/fr/recherche/?q=coopératives")
    assert titles == ["Une coopérative de solidarité"]


@pytest.mark.postgres
def test_english_plural_finds_singular_in_english(client, articles):
    titles, _response = results(client, "/en/search/?q=cooperatives")
    assert titles == ["The solidarity cooperative"]


@pytest.mark.postgres
def test_pages_are_indexed_with_their_own_languages_configuration(articles):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text FROM wagtailsearch_indexentry WHERE title::text LIKE %s",
            ["%solidar%"],
        )
        vectors = [row[0] for row in cursor.fetchall()]
    french = next(vector for vector in vectors if "'solidar':4" in vector)
    english = next(vector for vector in vectors if "'solidar':2" in vector)
    # Each configuration drops its own language's stop words only.
    assert "'une'" not in french and "'de'" not in french, french
    assert "'the'" not in english, english


def test_no_query_shows_the_form_only(client, articles):
    titles, response = results(client, "/fr/recherche/")
    assert titles == []
    assert b'role="search"' in response.content


@pytest.mark.parametrize(
    "query",
    ['"', "'", "*", "AND OR NOT (", "a:b", "-", "\\", "%", "NEAR(a b)", "😀", "x" * 5000,
     "coop\x00", "^+{}|&"],
)  # fmt: skip
def test_odd_queries_never_fail(client, articles, query):
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["0", "999", "abc", "-3"])
def test_odd_pages_never_fail(client, articles, page):
    response = client.get("/fr/recherche/", {"q": "coopérative", "page": page})
    assert response.status_code == 200


def test_results_are_paginated(client, make_articles):
    make_articles(25, summary="Une coopérative de plus.")
    titles, response = results(client, "/fr/recherche/?q=coopérative")
    assert len(titles) == 10
    assert b"?q=coop%C3%A9rative&amp;page=2" in response.content


def test_clean_query():
    assert clean_query('  co\x00op  "x"  ') == "co op x"
    assert len(clean_query("a" * 1000)) == 200


def test_result_queries_do_not_grow_with_the_number_of_results(client, make_articles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_articles(2, summary="Une coopérative.")
    url = "/fr/recherche/?q=coopérative"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_articles(20, summary="Une coopérative.")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few), "\n".join(q["sql"][-300:] for q in many.captured_queries)
