"""The roll of voters drawn from the register: who is in, who is out and why, the
delegate a member designates, frozen once the roll closes (issue #34)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from assembly import roll
from assembly.choices import Exclusion
from members.models import MemberContact

pytestmark = pytest.mark.django_db


def test_the_roll_holds_active_members_with_paid_shares_and_says_why_others_are_not(
    assembly, register
):
    assert roll.draw(assembly) == (3, 3)
    on_roll = set(assembly.roll.values_list("member__name", flat=True))
    assert on_roll == {"Alpha", "Beta", "Gamma"}
    reasons = dict(assembly.exclusions.values_list("member__name", "reason"))
    assert reasons == {
        "Impayée": Exclusion.SHARES_UNPAID,
        "En attente": Exclusion.PENDING,
        "Suspendue": Exclusion.SUSPENDED,
    }
    entry = ModelLogEntry.objects.get(action=roll.DRAWN)
    assert entry.data == {"voters": 3, "left_off": 3}


def test_drawn_again_the_roll_follows_the_register_and_keeps_designations(assembly, register):
    roll.draw(assembly)
    alpha = register["alpha"]
    deputy = MemberContact.objects.create(member=alpha, name="Adjointe Alpha", email="a@x.example")
    roll.designate(assembly, alpha, deputy)
    register["beta"].status = "suspended"
    register["beta"].save()
    assert roll.draw(assembly) == (2, 4)
    voter = assembly.roll.get(member=alpha)
    assert voter.delegate == deputy
    assert roll.voter_for(assembly, deputy) == voter
    principal = alpha.contacts.get(is_principal=True)
    assert roll.voter_for(assembly, principal) is None  # one delegate votes: no proxy
    assert dict(assembly.exclusions.values_list("member__name", "reason"))["Beta"] == (
        Exclusion.SUSPENDED
    )


def test_a_member_without_a_contact_or_a_contact_of_another_member_is_refused(assembly, register):
    register["gamma"].contacts.all().delete()
    roll.draw(assembly)
    assert assembly.exclusions.get(member=register["gamma"]).reason == Exclusion.NO_CONTACT
    stranger = register["beta"].contacts.get()
    with pytest.raises(ValueError):
        roll.designate(assembly, register["alpha"], stranger)


def test_the_roll_is_frozen_once_it_closes(assembly, register):
    roll.draw(assembly)
    assembly.roll_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    assembly.save()
    alpha = register["alpha"]
    deputy = MemberContact.objects.create(member=alpha, name="Adjointe Alpha", email="a@x.example")
    with pytest.raises(roll.RollFrozen):
        roll.designate(assembly, alpha, deputy)
    with pytest.raises(roll.RollFrozen):
        roll.draw(assembly)
    assert assembly.roll.count() == 3
