"""RSS 2.0 feed, read by a real feed parser."""

import feedparser
import pytest

from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_feed_lists_the_latest_twenty_with_absolute_links(client, make_articles):
    articles = make_articles(25)
    feed = parse(client, "/fr/actualites/rss/")
    assert feed.version == "rss20"
    assert feed.feed.language == "fr"
    assert feed.feed.link == "http://testserver/fr/actualites/"
    newest = sorted(articles, key=lambda a: a.date, reverse=True)[:20]
    assert [entry.title for entry in feed.entries] == [a.title for a in newest]
    for entry, article in zip(feed.entries, newest, strict=True):
        assert entry.link == f"http://testserver{article.url}"
        assert entry.summary == article.summary
        assert entry.published_parsed[:3] == article.date.timetuple()[:3]
        assert entry.tags[0].term == article.category.name


def test_english_feed_has_english_items(client, make_articles, site_tree):
    (article,) = make_articles(1)
    publish_translation(article, site_tree.locales["en"], title="In English", slug="in-english")
    feed = parse(client, "/en/news/rss/")
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == ["In English"]
    assert feed.entries[0].link == "http://testserver/en/news/in-english/"


def test_listing_advertises_its_feed(client, news_tree):
    content = client.get("/fr/actualites/").content.decode()
    assert 'type="application/rss+xml"' in content
    assert 'href="/fr/actualites/rss/"' in content
