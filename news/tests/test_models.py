"""News page types: tree rules, alt text, related articles, feedback tally."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from news.factories import NewsPageFactory
from news.models import ArticleFeedback, NewsIndexPage, NewsPage, NewsPageRelatedLink
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def test_tree_rules(news_tree, site_tree):
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsPage.allowed_subpage_models() == []
    # One index per home page: the French home already has one.
    assert not NewsIndexPage.can_create_at(site_tree.fr_home)
    assert NewsPage.can_create_at(news_tree.fr_index)
    assert not NewsPage.can_create_at(site_tree.fr_home)
    assert not StandardPage.can_create_at(news_tree.fr_index)


def test_featured_image_needs_alternative_text(news_tree, image):
    article = NewsPageFactory.build(featured_image=image, featured_image_alt="  ")
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "featured_image_alt" in error.value.message_dict


def test_related_articles_default_to_the_latest_of_the_same_category(make_articles):
    articles = make_articles(7)
    same_category = [a for a in articles if a.category_id == articles[0].category_id]
    related = articles[0].related_articles()
    assert related == sorted(same_category[1:], key=lambda a: a.date, reverse=True)[:3]


def test_editor_choice_wins_and_follows_the_language(make_articles, news_tree, site_tree):
    first, second, third = make_articles(3)
    NewsPageRelatedLink.objects.create(source=first, page=third, sort_order=0)
    assert first.related_articles() == [third]
    english_first = publish_translation(first, site_tree.locales["en"], slug="first")
    english_third = publish_translation(third, site_tree.locales["en"], slug="third")
    assert english_first.specific.related_articles() == [english_third.specific]


def test_feedback_tally_counts_answers(make_articles):
    (article,) = make_articles(1)
    ArticleFeedback.objects.bulk_create(
        [ArticleFeedback(page=article, helpful=answer) for answer in (True, True, False)]
    )
    assert article.feedback_tally() == {"yes": 2, "no": 1}


def test_related_articles_are_kept_until_content_changes(make_articles):
    articles = make_articles(7)
    article = articles[0]
    first = article.related_articles()
    assert first
    with CaptureQueriesContext(connection) as kept:
        assert article.related_articles() == first
    # Read back by primary key: no subquery, no join on the related links.
    assert not any("newspagerelatedlink" in query["sql"] for query in kept.captured_queries)
    # Unpublished: gone at once, even before the kept list is refreshed.
    first[0].unpublish()
    assert first[0] not in article.related_articles()
    # An editor's choice, published, is seen at the next request.
    choice = next(other for other in articles[1:] if other.pk != first[0].pk)
    article.related_links.add(NewsPageRelatedLink(page=choice, sort_order=0))
    article.save_revision().publish()
    article = NewsPage.objects.get(pk=article.pk)
    assert article.related_articles() == [choice]
