"""Who reaches « Registre des membres »: each role of SPEC §6 (and a signed-in member
contact) × each URL of the register and its categories (listing, results, filters, both
exports, the record, its history, a new record, the categories), and the writes.

Only the Comité d'adhésion and administrators read, change and export; nobody deletes a
member (the register keeps them); Rédaction, Communications and the members' own accounts
get nothing of the register; anonymous visitors are sent to the login page.
"""

import pytest

from consortium.staff import roles
from members.factories import MemberFactory
from members.models import Member, MemberCategory, MemberContact
from members.permissions import MEMBERS_GROUP
from membership.tests.conftest import body

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/members/"
CATEGORIES = "/admin/member-categories/"
ROLES = [
    "anonymous",
    roles.EDITORS_GROUP,
    roles.COMMUNICATIONS_GROUP,
    MEMBERS_GROUP,
    roles.COMMITTEE_GROUP,
    "administrator",
]
ALLOWED = {roles.COMMITTEE_GROUP, "administrator"}


def read_urls(member, category) -> list[str]:
    return [
        MEMBERS,
        f"{MEMBERS}results/",
        f"{MEMBERS}?status=active&category={category.pk}",
        f"{MEMBERS}?q=Alpha",
        f"{MEMBERS}?export=csv",
        f"{MEMBERS}?export=xlsx",
        f"{MEMBERS}edit/{member.pk}/",
        f"{MEMBERS}history/{member.pk}/",
        f"{MEMBERS}new/",
        CATEGORIES,
        f"{CATEGORIES}edit/{category.pk}/",
    ]


@pytest.fixture
def member():
    category = MemberCategory.objects.get(name="Membre utilisateur")
    member = MemberFactory(name="Coopérative Alpha", category=category, neq="1234567890")
    MemberContact.objects.create(
        member=member, name="Alex Alpha", email="alex@alpha.example", is_principal=True
    )
    return member


def assert_refused(response, role, url):
    assert response.status_code in (302, 403), url
    if role == "anonymous":
        assert response["Location"].startswith("/admin/login/"), url
    content = body(response)
    assert b"Alpha" not in content and b"alex@alpha.example" not in content, url


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_register_url(client, as_role, member, role):
    as_role(role)
    category = member.category
    for url in read_urls(member, category):
        response = client.get(url)
        if role not in ALLOWED:
            assert_refused(response, role, url)
            continue
        assert response.status_code == 200, url
        if "export" in url:
            assert "Coopérative Alpha".encode() in body(response) or url.endswith("xlsx"), url
        elif "categor" not in url and "new" not in url:
            assert "Coopérative Alpha" in response.content.decode(), url

    # Nobody deletes a member, not even an administrator.
    response = client.post(f"{MEMBERS}delete/{member.pk}/")
    assert response.status_code in (302, 403, 404)
    assert Member.objects.filter(pk=member.pk).exists()

    # The others change nothing: the record, a category, a new member.
    if role not in ALLOWED:
        for url, data in [
            (f"{MEMBERS}edit/{member.pk}/", {"name": "Renommée", "status": "excluded"}),
            (f"{CATEGORIES}edit/{category.pk}/", {"name": "Autre", "qualifying_shares": 9}),
            (f"{MEMBERS}new/", {"name": "Intruse"}),
        ]:
            assert_refused(client.post(url, data), role, url)
        member.refresh_from_db()
        category.refresh_from_db()
        assert (member.name, member.status) == ("Coopérative Alpha", "active")
        assert category.name == "Membre utilisateur"
        assert Member.objects.count() == 1


@pytest.mark.parametrize(
    "role", [roles.EDITORS_GROUP, roles.COMMUNICATIONS_GROUP, roles.COMMITTEE_GROUP]
)
def test_the_register_is_in_the_menu_of_its_readers_only(client, as_role, role):
    as_role(role)
    content = client.get("/admin/").content.decode()
    assert ("Registre des membres" in content) is (role in ALLOWED)
    assert (MEMBERS in content) is (role in ALLOWED)  # the sidebar's menu data
