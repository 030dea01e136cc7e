"""The article page in both languages: breadcrumb, date, category, tags, body, share links."""

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from news.factories import NewsPageFactory
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_tree, image):
    page = NewsPageFactory(
        parent=news_tree.fr_index,
        title="La CDRQ et le Consortium unissent leurs forces",
        date=datetime.date(2019, 4, 15),
        category=news_tree.categories["partenariats"],
        byline="Équipe des communications",
        featured_image=image,
        featured_image_alt="Des cercles entrelacés",
        body=[
            ("heading", "Une alliance"),
            ("paragraph", "<p>Plus de 70 conseillers.</p>"),
            ("quote", {"quote": "Coopérer.", "attribution": "J. Benoit Caron"}),
            ("source", {"text": "CQCM", "url": ""}),
        ],
    )
    page.tags.add("CDRQ")
    page.save_revision().publish()
    return page


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_french_article(client, article):
    doc = get(client, article.url)
    crumbs = [a.get_text(strip=True) for a in doc.select("nav.breadcrumb a")]
    assert crumbs == ["Accueil", "Actualités et conseils", article.title]
    assert doc.select_one("nav.breadcrumb [aria-current]").get_text(strip=True) == article.title
    assert doc.select_one(".article__meta time")["datetime"] == "2019-04-15"
    assert doc.select_one(".article__meta time").get_text() == "15 avril 2019"
    category = doc.select_one(".article__meta a")
    assert category.get_text() == "Partenariats"
    assert category["href"] == "/fr/actualites/?category=partenariats"
    assert doc.select_one(".tag").get_text() == "CDRQ"
    assert doc.select_one(".article__byline").get_text() == "Par Équipe des communications"
    assert doc.select_one(".quote figcaption").get_text(strip=True) == "— J. Benoit Caron"
    assert doc.select_one(".source-line").get_text(strip=True) == "Source : CQCM"
    assert doc.select_one(".article__image")["alt"] == "Des cercles entrelacés"


def test_share_links_are_plain_links_with_the_absolute_url(client, article):
    doc = get(client, article.url)
    absolute = f"http://testserver{article.url}"
    links = [a["href"] for a in doc.select(".share__list a")]
    assert len(links) == 4
    assert links[0].startswith("mailto:?subject=")
    for link in links[1:]:
        values = [v for vs in parse_qs(urlparse(link).query).values() for v in vs]
        assert absolute in values
    assert not doc.select('script[src^="http"]')


def test_english_article_has_an_english_interface(client, article, site_tree):
    english = publish_translation(
        article, site_tree.locales["en"], title="The CDRQ and the Consortium", slug="cdrq"
    )
    doc = get(client, english.url)
    assert doc.html["lang"] == "en"
    assert doc.select_one(".article__meta time").get_text() == "April 15, 2019"
    assert doc.select_one("#feedback-heading").get_text() == "Was this article useful?"
    crumbs = [a.get_text(strip=True) for a in doc.select("nav.breadcrumb a")]
    assert crumbs == ["Home", "News and advice", "The CDRQ and the Consortium"]


def test_the_featured_image_is_a_picture_in_avif_and_webp_with_a_jpeg_fallback(client, article):
    """Wagtail's {% picture %}: one <source> per modern format, each with two widths, and a
    JPEG <img> with its own srcset, sizes, dimensions and the editor's alternative text."""
    picture = get(client, article.url).select_one("picture:has(.article__image)")
    sources = {source["type"]: source for source in picture.select("source")}
    assert list(sources) == ["image/avif", "image/webp"]
    for source in sources.values():
        assert len(source["srcset"].split(",")) == 2 and source["sizes"]
    image = picture.select_one("img.article__image")
    assert image["src"].endswith(".jpg") and len(image["srcset"].split(",")) == 2
    assert image["width"] and image["height"] and image["alt"] == "Des cercles entrelacés"
    for url, suffix in [
        (image["src"], ".jpg"),
        (sources["image/avif"]["srcset"].split()[0], ".avif"),
        (sources["image/webp"]["srcset"].split()[0], ".webp"),
    ]:
        assert url.startswith(settings.MEDIA_URL) and url.endswith(suffix), url
        assert (Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)).is_file()
