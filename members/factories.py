"""Factories for the members app (tests and demo data)."""

import datetime

import factory

from .models import Member


class MemberFactory(factory.django.DjangoModelFactory):
    """A member organisation (seeded names: the same on every run)."""

    name = factory.Sequence(lambda number: f"Coopérative membre {number:03d}")
    region = "06"
    legal_form = "worker-coop"
    website = factory.Sequence(lambda number: f"https://membre{number:03d}.example")
    member_since = datetime.date(2026, 11, 1)
    status = "active"
    directory_consent = True

    class Meta:
        model = Member
