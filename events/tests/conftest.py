"""Fixtures of the events tests: the index in both languages, a member and its contacts."""

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.fixtures.site import publish_translation


@pytest.fixture
def index(site_tree):
    page = EventIndexPageFactory(parent=site_tree.fr_home)
    page.english = publish_translation(page, site_tree.locales["en"], title="Events", slug="events")
    return page


@pytest.fixture
def make_event(index):
    def make(**fields):
        return EventPageFactory(parent=index, **fields)

    return make


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """POST the registration form of ``page`` (emails sent as after a real commit)."""

    def post(page, name="Jeanne Roy", email="jeanne@example.org", **extra):
        data = {
            "name": name,
            "organisation": "Coop",
            "email": email,
            "consent": "on",
            "nickname": "",
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, {**data, **extra})

    return post


@pytest.fixture
def member_contacts(django_user_model):
    """An active member with a principal and a second contact, signed-in users ready."""
    from members.models import Member, MemberContact
    from members.register import sync_access

    member = Member.objects.create(
        name="Coop membre",
        legal_form="consumer-coop",
        region="03",
        member_since="2026-01-01",
        status="active",
    )
    principal = MemberContact.objects.create(
        member=member, name="Paule Principale", email="paule@membre.example", is_principal=True
    )
    other = MemberContact.objects.create(
        member=member, name="Oscar Autre", email="oscar@membre.example"
    )
    sync_access(member)
    principal.refresh_from_db()
    other.refresh_from_db()
    return principal, other
