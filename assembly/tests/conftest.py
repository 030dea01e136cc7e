"""Fixtures of the assembly tests: a general assembly's event, its assembly, members of
the register in every standing, the member space, and a client signed in as a contact."""

import pytest

from assembly.factories import AssemblyFactory, member_in_good_standing
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Kind
from members.models import MemberContact
from members.register import sync_access
from tests.fixtures.site import publish_member_space
from tests.two_factor import Client


@pytest.fixture
def assembly(site_tree):
    index = EventIndexPageFactory(parent=site_tree.fr_home)
    event = EventPageFactory(
        parent=index, title="Assemblée générale annuelle 2026", kind=Kind.GENERAL_ASSEMBLY
    )
    return AssemblyFactory(event=event, quorum_value=2)


@pytest.fixture
def register():
    """Three members on the roll to be, and one of each kind left off."""
    return {
        "alpha": member_in_good_standing("Alpha"),
        "beta": member_in_good_standing("Beta"),
        "gamma": member_in_good_standing("Gamma"),
        "unpaid": member_in_good_standing("Impayée", paid=False),
        "pending": member_in_good_standing("En attente", status="pending"),
        "suspended": member_in_good_standing("Suspendue", status="suspended"),
    }


@pytest.fixture
def space(site_tree):
    """The member space, in French and English: the assembly's pages are under it."""
    return publish_member_space(site_tree)


def signed_in(contact: MemberContact) -> Client:
    """A client signed in to the member space as ``contact`` (a device of theirs)."""
    sync_access(contact.member)
    contact.refresh_from_db()
    client = Client()
    if contact.user_id:  # members whose standing opens the member space
        client.force_login(contact.user)
    return client
