"""The listing « Actualités et conseils »: order, pagination, filters, cards, queries."""

import difflib

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_titles(document):
    return [h.get_text(strip=True) for h in document.select(".card__title")]


def test_newest_first_twelve_per_page(client, make_articles):
    articles = make_articles(14)
    document = get(client, "/fr/actualites/")
    newest = sorted(articles, key=lambda a: a.date, reverse=True)
    assert card_titles(document) == [a.title for a in newest[:12]]
    second = get(client, "/fr/actualites/?page=2")
    assert card_titles(second) == [a.title for a in newest[12:]]
    pagination = document.select_one("nav.pagination")
    assert pagination["aria-label"] == "Pagination"
    assert pagination.select_one('[aria-current="page"]').get_text(strip=True).endswith("1")
    assert pagination.select_one('a[rel="next"]')["href"] == "?page=2"


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=999",
        "page=abc",
        "page=-1",
        "year=abc",
        "year=1900",
        "category=inconnue",
        "category=%00",
        "page=1e9",
        "year=2020&category=partenariats&page=99",
    ],
)
def test_odd_parameters_never_fail(client, make_articles, query):
    make_articles(14)
    document = get(client, f"/fr/actualites/?{query}")
    assert document.select(".card") or document.select(".empty-state")


def test_out_of_range_page_shows_the_last_page(client, make_articles):
    make_articles(14)
    assert len(get(client, "/fr/actualites/?page=999").select(".card")) == 2


def test_category_and_year_filters_are_plain_links(client, make_articles):
    articles = make_articles(4)
    document = get(client, "/fr/actualites/")
    links = {a.get_text(strip=True): a["href"] for a in document.select("nav.filters a")}
    assert links["Partenariats"] == "?category=partenariats"
    assert links["2020"] == "?year=2020"
    filtered = get(client, "/fr/actualites/?category=partenariats")
    expected = [a.title for a in articles if a.category.slug == "partenariats"]
    assert sorted(card_titles(filtered)) == sorted(expected)
    current = filtered.select_one('nav.filters a[aria-current="true"]')
    assert current.get_text(strip=True) in {"Partenariats", "Toutes"}


def test_empty_state(client, news_tree):
    document = get(client, "/fr/actualites/")
    assert "Aucune actualité" in document.select_one(".empty-state").get_text()


def test_cards_have_time_summary_and_a_lazy_responsive_image(client, make_articles):
    (article,) = make_articles(1)
    card = get(client, "/fr/actualites/").select_one(".card")
    assert card.select_one("time")["datetime"] == article.date.isoformat()
    assert card.select_one(".card__summary").get_text(strip=True) == article.summary
    image = card.select_one("img")
    assert image["loading"] == "lazy"
    assert image["alt"] == "Des cercles entrelacés"
    assert "400w" in image["srcset"] and "800w" in image["srcset"]


def test_english_listing_shows_only_english_articles(client, make_articles, news_tree, site_tree):
    first, second = make_articles(2)
    publish_translation(first, site_tree.locales["en"], title="English article", slug="english")
    document = get(client, "/en/news/")
    assert card_titles(document) == ["English article"]
    assert document.html["lang"] == "en"


def captured_queries(client, url) -> list[str]:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("url_of", ["listing", "article", "feed"])
def test_queries_do_not_grow_with_the_number_of_articles(client, make_articles, url_of):
    def url(articles):
        return {
            "listing": "/fr/actualites/",
            "article": articles[0].url,
            "feed": "/fr/actualites/rss/",
        }[url_of]

    few = make_articles(5)
    with_five = captured_queries(client, url(few))
    make_articles(195)
    with_two_hundred = captured_queries(client, url(few))
    assert len(with_two_hundred) == len(with_five), "\n".join(
        difflib.unified_diff(with_five, with_two_hundred, lineterm="")
    )
    budget = {"listing": 22, "article": 25, "feed": 10}[url_of]
    assert len(with_five) <= budget, len(with_five)


def test_the_filter_offers_only_categories_that_have_an_article(client, make_articles, news_tree):
    """A category with no live article would lead to an empty listing: it is not offered."""
    from news.factories import NewsCategoryFactory

    make_articles(1)  # the first category only
    NewsCategoryFactory(name="Sans article", slug="sans-article")
    offered = {
        a.get_text(strip=True) for a in get(client, "/fr/actualites/").select("nav.filters a")
    }
    first, second = (category.name for category in news_tree.categories.values())
    assert first in offered
    assert second not in offered and "Sans article" not in offered
