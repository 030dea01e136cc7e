"""Factories for the assembly app (tests and demo data)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from members.models import Member, MemberCategory, MemberContact, ShareMovement

from .models import Assembly, Motion


class AssemblyFactory(factory.django.DjangoModelFactory):
    roll_closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    quorum_value = 3
    meeting_url = "https://visio.example/assemblee"

    class Meta:
        model = Assembly


class MotionFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Proposition {n + 1}")
    title_en = factory.Sequence(lambda n: f"Proposal {n + 1}")

    class Meta:
        model = Motion


def voting_category() -> MemberCategory:
    """A category with the qualifying shares of the by-laws (1 share of 10 $)."""
    category, _created = MemberCategory.objects.update_or_create(
        name="Membre utilisateur",
        defaults={"name_en": "User member", "qualifying_shares": 1, "share_price": Decimal("10")},
    )
    return category


def member_in_good_standing(name: str, *, paid: bool = True, status: str = "active") -> Member:
    """A member with its principal contact and its qualifying share subscribed (and paid
    unless ``paid`` is False)."""
    member = Member.objects.create(
        name=name,
        legal_form="worker-coop",
        region="03",
        member_since=datetime.date(2025, 1, 15),
        status=status,
        category=voting_category(),
    )
    slug = name.lower().replace(" ", "-")
    MemberContact.objects.create(
        member=member, name=f"Délégué {name}", email=f"{slug}@membre.example", is_principal=True
    )
    day = datetime.date(2025, 1, 15)
    ShareMovement.objects.create(
        member=member, date=day, kind="subscription", shares=1, amount=Decimal("10")
    )
    if paid:
        ShareMovement.objects.create(
            member=member, date=day, kind="payment", shares=0, amount=Decimal("10")
        )
    return member
