"""SEO of articles: title, description, canonical, Open Graph, Twitter card, JSON-LD,
sitemap and robots.txt."""

import json

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def meta(doc, **attrs):
    tag = doc.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_article_head(client, make_articles):
    (article,) = make_articles(1)
    doc = document(client, article.url)
    url = f"http://testserver{article.url}"
    assert doc.title.get_text() == f"{article.title} · Le Consortium"
    assert meta(doc, name="description") == article.summary
    assert doc.find("link", rel="canonical")["href"] == url
    assert meta(doc, property="og:type") == "article"
    assert meta(doc, property="og:url") == url
    assert meta(doc, property="og:locale") == "fr_CA"
    assert meta(doc, property="og:image").startswith("http://testserver/")
    assert meta(doc, property="og:image:alt") == "Des cercles entrelacés"
    assert meta(doc, name="twitter:card") == "summary_large_image"


def test_article_json_ld(client, make_articles):
    (article,) = make_articles(1)
    doc = document(client, article.url)
    data = json.loads(doc.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == article.date.isoformat()
    assert data["inLanguage"] == "fr"
    assert data["image"][0].startswith("http://testserver/")
    assert data["publisher"]["name"].startswith("Consortium")


def test_json_ld_cannot_be_broken_out_of(client, make_articles):
    (article,) = make_articles(1, title="</script><script>alert(1)</script>")
    content = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in content


def test_sitemap_lists_every_article_in_both_languages(client, make_articles, site_tree):
    first, second = make_articles(2)
    english = publish_translation(first, site_tree.locales["en"], slug="first-article")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {
        element.text for element in ET.fromstring(response.content).findall(".//s:loc", namespace)
    }
    for page in (first, second, english):
        assert f"http://testserver{page.url}" in locations
    assert "http://testserver/fr/" in locations and "http://testserver/en/" in locations


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_sitemap_is_built_once_per_content_version(
    client, make_articles, site_tree, django_assert_num_queries
):
    """Crawlers ask often: the second request reads the cache (no query), carries the
    public pages' cache headers, and a publication shows at once (issue #32)."""
    (first,) = make_articles(1)
    before = client.get("/sitemap.xml")
    assert before["Content-Type"] == "application/xml"
    assert "public" in before["Cache-Control"] and "max-age" in before["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get("/sitemap.xml")
    assert again.content == before.content
    (second,) = make_articles(1)
    second.save_revision().publish()
    after = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{second.url}" in after
    # Another host gets its own absolute addresses, never another's.
    assert (
        "http://testserver"
        not in client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    )
