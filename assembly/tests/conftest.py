"""Fixtures of the assembly tests: a general assembly's event, its assembly, and members
of the register in every standing."""

import pytest

from assembly.factories import AssemblyFactory, member_in_good_standing
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Kind


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
