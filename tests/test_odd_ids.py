"""Addresses with an id no database row can have are not found (404), never a server error
(consortium.pages.url_converters)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 21


def test_a_vote_for_an_impossible_article_is_not_found(client, site_tree):
    response = client.post(f"/news-feedback/{HUGE}/", {"helpful": "yes"}, follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize("action", ["status", "assign", "note"])
def test_the_committee_actions_on_an_impossible_application_are_not_found(
    admin_client, site_tree, action
):
    response = admin_client.post(
        f"/admin/membership-applications/{action}/{HUGE}/", {}, follow=True
    )
    assert response.status_code == 404


def test_the_largest_possible_id_still_reaches_the_view(admin_client, site_tree):
    """The limit is the database's, not lower: 2⁶³−1 is looked up (and not found)."""
    response = admin_client.get(f"/admin/membership-applications/export/{2**63 - 1}.json")
    assert response.status_code == 404


def test_the_assemblys_addresses_with_an_impossible_id_are_not_found(admin_client, site_tree):
    """The chair's panel, a vote's opening and a delegate's ballot (issue #34)."""
    response = admin_client.get(f"/admin/assembly/{HUGE}/chair/", follow=True)
    assert response.status_code == 404
    response = admin_client.post(f"/admin/assembly/1/votes/{HUGE}/open/", follow=True)
    assert response.status_code == 404
    from members.models import MemberSpacePage

    space = MemberSpacePage(title="Espace membre", slug="espace-membre")
    site_tree.fr_home.add_child(instance=space)
    space.save_revision().publish()
    response = admin_client.post(
        f"/fr/espace-membre/assemblee/vote/{HUGE}/", {"choice": "for"}, follow=True
    )
    assert response.status_code == 404
