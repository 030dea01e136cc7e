"""Fields of expertise: tree rules, grouping, rendering in both languages, experts, search,
home page, and query counts that do not grow with the number of fields and team members."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from expertise.factories import ExpertisePageFactory, TeamMemberFactory
from expertise.models import ExpertiseIndexPage, ExpertisePage
from home.models import HomePage
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_tree_rules(expertise_index, site_tree):
    assert ExpertiseIndexPage.allowed_parent_page_models() == [HomePage]
    assert ExpertiseIndexPage.allowed_subpage_models() == [ExpertisePage]
    assert ExpertisePage.allowed_parent_page_models() == [ExpertiseIndexPage]
    assert not ExpertiseIndexPage.can_create_at(site_tree.fr_home)
    assert ExpertisePage.can_create_at(expertise_index[0])


def test_index_groups_fields_by_family_in_french(client, expertise_index):
    index, _english = expertise_index
    ExpertisePageFactory(parent=index, title="Services juridiques", family="law")
    ExpertisePageFactory(parent=index, title="Comptabilité", family="management")
    doc = get(client, index.url)
    families = [h2.get_text() for h2 in doc.select("section.family h2")]
    assert families == ["Gestion et administration", "Droit et gouvernance"]
    assert [a.get_text() for a in doc.select(".field-card__title a")] == [
        "Comptabilité",
        "Services juridiques",
    ]


def test_field_page_in_both_languages_with_its_experts(client, expertise_index, site_tree):
    index, _english = expertise_index
    team = TeamMemberFactory(name="Équipe juridique", role="Avocates et avocats")
    field = ExpertisePageFactory(parent=index, title="Services juridiques", family="law")
    field.experts.set([team])
    field.save_revision().publish()
    doc = get(client, field.url)
    assert doc.h1.get_text() == "Services juridiques"
    assert [li.get_text() for li in doc.select(".check-list li")] == ["Conseil", "Formation"]
    assert doc.select_one(".team-member__name").get_text() == "Équipe juridique"
    assert "Au juste coût" in doc.get_text()

    english_team = publish_translation_snippet(team, site_tree.locales["en"], name="Legal team")
    english = publish_translation(
        field, site_tree.locales["en"], title="Legal services", slug="legal"
    )
    doc = get(client, english.url)
    assert doc.html["lang"] == "en"
    assert doc.select_one(".article__meta").get_text() == "Law and governance"
    assert doc.select_one(".team-member__name").get_text() == english_team.name


def publish_translation_snippet(snippet, locale, **fields):
    translation = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def test_team_member_photo_needs_alternative_text(expertise_index):
    member = TeamMemberFactory.build(photo_id=1, photo_alt="")
    with pytest.raises(ValidationError):
        member.clean()


def test_search_finds_fields_of_expertise(client, expertise_index):
    index, _english = expertise_index
    ExpertisePageFactory(
        parent=index, title="Relations gouvernementales", summary="Veille et mémoires."
    )
    doc = get(client, "/fr/recherche/?q=gouvernementales")
    assert [a.get_text() for a in doc.select(".search-result h3 a")] == [
        "Relations gouvernementales"
    ]


def test_home_shows_fields_and_latest_news(client, expertise_index):
    index, _english = expertise_index
    ExpertisePageFactory(parent=index, title="Comptabilité", family="management")
    doc = get(client, "/fr/")
    assert doc.select_one("#expertise-title").get_text() == "Nos champs d’expertise"
    assert [a.get_text() for a in doc.select(".home-list a")] == ["Comptabilité"]


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("which", ["index", "field", "home"])
def test_queries_do_not_grow_with_sixty_fields(client, expertise_index, which):
    index, _english = expertise_index

    def add_fields(count):
        fields = []
        for _number in range(count):
            field = ExpertisePageFactory(parent=index)
            field.experts.set([TeamMemberFactory(), TeamMemberFactory()])
            field.save_revision().publish()
            fields.append(field)
        return fields

    first = add_fields(3)[0]
    url = {"index": index.url, "field": first.url, "home": "/fr/"}[which]
    with_three = count_queries(client, url)
    add_fields(57)
    assert count_queries(client, url) == with_three


@pytest.fixture
def news_index(site_tree):
    from news.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=site_tree.fr_home)
    english = publish_translation(index, site_tree.locales["en"], title="News", slug="news")
    return index, english


def make_article(index, day, fields=(), **values):
    import datetime

    from news.factories import NewsPageFactory

    article = NewsPageFactory(parent=index, date=datetime.date(2020, 1, day), **values)
    article.expertise_fields.set(fields)
    article.save_revision().publish()
    return article


def test_field_lists_its_latest_three_articles_in_its_language(
    client, expertise_index, news_index, site_tree
):
    index, _english_index = expertise_index
    field = ExpertisePageFactory(parent=index, title="Gouvernance", slug="gouvernance")
    other = ExpertisePageFactory(parent=index, title="Comptabilité", slug="comptabilite")
    fr_news, _en_news = news_index
    articles = [make_article(fr_news, day, [field], title=f"Article {day}") for day in (1, 2, 3, 4)]
    make_article(fr_news, 5, [other], title="Autre champ")
    section = get(client, field.url).select_one('section[aria-labelledby="field-news-heading"]')
    assert [a.get_text() for a in section.select("a")] == ["Article 4", "Article 3", "Article 2"]
    assert "Autre champ" not in section.get_text()

    # In English: only English articles, found through their French original's choice.
    english_field = publish_translation(field, site_tree.locales["en"], slug="governance")
    publish_translation(articles[0], site_tree.locales["en"], title="Article one", slug="one")
    assert [article.title for article in english_field.related_news()] == ["Article one"]
    english = get(client, english_field.url)
    assert [a["href"] for a in english.select('[aria-labelledby="field-news-heading"] a')] == [
        "/en/news/one/"
    ]


def test_field_without_articles_has_no_news_section(client, expertise_index):
    field = ExpertisePageFactory(parent=expertise_index[0])
    assert not get(client, field.url).select('[aria-labelledby="field-news-heading"]')


def test_field_page_queries_do_not_grow_with_articles(client, expertise_index, news_index):
    field = ExpertisePageFactory(parent=expertise_index[0])
    make_article(news_index[0], 1, [field])
    with_one = count_queries(client, field.url)
    for day in range(2, 22):
        make_article(news_index[0], day, [field])
    assert count_queries(client, field.url) == with_one


def test_article_editor_offers_fields_of_its_language_only(
    admin_client, expertise_index, news_index, site_tree
):
    field = ExpertisePageFactory(parent=expertise_index[0], title="Gouvernance")
    english = publish_translation(field, site_tree.locales["en"], title="Governance")
    article = make_article(news_index[0], 1)
    response = admin_client.get(f"/admin/pages/{article.id}/edit/")
    choices = response.context["form"].fields["expertise_fields"].queryset
    assert list(choices) == [field]
    assert english not in choices
