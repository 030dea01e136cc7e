"""Fixtures of the news tests: a French and an English news index with articles."""

import datetime
import io
from dataclasses import dataclass

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from news.demo import draw_illustration
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage
from tests.fixtures.site import publish_translation


@dataclass
class NewsTree:
    fr_index: NewsIndexPage
    en_index: NewsIndexPage
    categories: dict
    image: object


@pytest.fixture
def image(db):
    image_model = get_image_model()
    picture = image_model(title="Illustration de test")
    picture.file = ImageFile(io.BytesIO(draw_illustration(0)), name="test.png")
    picture.save()
    return picture


@pytest.fixture
def news_tree(site_tree, image) -> NewsTree:
    fr_index = NewsIndexPageFactory(parent=site_tree.fr_home)
    en_index = publish_translation(
        fr_index, site_tree.locales["en"], title="News and advice", slug="news"
    )
    categories = {
        "partenariats": NewsCategoryFactory(
            name="Partenariats", slug="partenariats", locale=site_tree.locales["fr"]
        ),
        "conseils": NewsCategoryFactory(
            name="Conseils", slug="conseils", locale=site_tree.locales["fr"]
        ),
    }
    return NewsTree(fr_index, en_index, categories, image)


@pytest.fixture
def make_articles(news_tree, image):
    """Create ``count`` French articles, one day apart from 2020-01-01, alternate categories."""

    def make(count, **fields):
        categories = list(news_tree.categories.values())
        return [
            NewsPageFactory(
                parent=news_tree.fr_index,
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
                category=categories[number % 2],
                featured_image=image,
                featured_image_alt="Des cercles entrelacés",
                **fields,
            )
            for number in range(count)
        ]

    return make
