"""Factories for the events app (tests)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Événements"
    slug = "evenements"
    intro = "Formations, activités et assemblée générale."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    location = "Lévis"
    summary = "Une rencontre des membres."

    class Meta:
        model = EventPage
