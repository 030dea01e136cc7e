"""« Nos membres »: the public directory lists only active members who consented, filters
by region and legal form, ignores bad filters, and its queries do
not grow with members."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.factories import MemberFactory
from membership.factories import MemberDirectoryPageFactory
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(site_tree):
    page = MemberDirectoryPageFactory(parent=site_tree.fr_home)
    publish_translation(page, site_tree.locales["en"], title="Our members", slug="members")
    return page


def names(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".member__name")]


def test_the_directory_lists_consenting_members_only_in_both_languages(client, directory):
    MemberFactory(name="Coopérative Alpha", region="02", legal_form="consumer-coop")
    MemberFactory(name="Mutuelle Bêta", region="06", legal_form="mutual")
    MemberFactory(name="OBNL Discret", directory_consent=False)
    MemberFactory(name="Coop En Attente", status="pending")
    MemberFactory(name="Coop Suspendue", status="suspended")
    french = client.get("/fr/membres/")
    assert french.status_code == 200
    assert names(french) == ["Coopérative Alpha", "Mutuelle Bêta"]
    content = french.content.decode()
    assert "02 Saguenay–Lac-Saint-Jean" in content and "Coopérative de consommateurs" in content
    assert "2 organisations membres" in content
    english = client.get("/en/members/")
    assert names(english) == ["Coopérative Alpha", "Mutuelle Bêta"]
    assert "Consumer cooperative" in english.content.decode()
    for hidden in ("OBNL Discret", "Coop En Attente", "Coop Suspendue"):
        assert hidden not in content + english.content.decode()


def test_filters_by_region_and_legal_form_and_ignores_bad_values(client, directory):
    MemberFactory(name="Alpha", region="02", legal_form="consumer-coop")
    MemberFactory(name="Bêta", region="02", legal_form="mutual")
    MemberFactory(name="Gamma", region="06", legal_form="mutual")
    assert names(client.get("/fr/membres/", {"region": "02"})) == ["Alpha", "Bêta"]
    assert names(client.get("/fr/membres/", {"legal_form": "mutual"})) == ["Bêta", "Gamma"]
    assert names(client.get("/fr/membres/", {"region": "02", "legal_form": "mutual"})) == ["Bêta"]
    response = client.get("/fr/membres/", {"region": "06", "legal_form": "consumer-coop"})
    assert names(response) == []
    assert "Aucun membre inscrit ne correspond à ces filtres." in response.content.decode()
    # An unknown value is ignored (the other filter still applies), never an error.
    for params in ({"region": "99"}, {"legal_form": "<script>"}, {"page": "abc"}):
        response = client.get("/fr/membres/", params)
        assert response.status_code == 200
        assert names(response) == ["Alpha", "Bêta", "Gamma"]
    assert names(client.get("/fr/membres/", {"region": "99", "legal_form": "mutual"})) == [
        "Bêta",
        "Gamma",
    ]


def test_an_empty_directory_says_so(client, directory):
    assert "Aucune organisation membre" in client.get("/fr/membres/").content.decode()


def test_directory_queries_do_not_grow_with_members(client, directory):
    MemberFactory.create_batch(3)
    client.get("/fr/membres/")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/membres/").status_code == 200
        return len(captured)

    few = count()
    MemberFactory.create_batch(120)
    client.get("/fr/membres/")  # the chrome, rebuilt once after the members' saves
    assert count() == few


def test_tree_rules(directory, site_tree):
    from home.models import HomePage
    from membership.models import MemberDirectoryPage

    home = HomePage.objects.get(pk=site_tree.fr_home.pk)
    assert MemberDirectoryPage.parent_page_types == ["home.HomePage"]
    assert MemberDirectoryPage.subpage_types == []
    assert not MemberDirectoryPage.can_create_at(home)  # one directory per home
