"""Factories for the news app (tests and demo data)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import NewsCategory, NewsIndexPage, NewsPage


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités et conseils"
    slug = "actualites"
    intro = "Les nouvelles du Consortium."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    summary = "Un résumé de l’article."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Le corps de l’article.</p>")])

    class Meta:
        model = NewsPage
