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
