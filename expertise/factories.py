"""Factories for the fields of expertise and the team."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import ExpertiseIndexPage, ExpertisePage, TeamMember


class TeamMemberFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Équipe {n}")
    role = "Conseillères et conseillers"

    class Meta:
        model = TeamMember


class ExpertiseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nos expertises"
    slug = "expertises"
    intro = "Une vingtaine de champs d’expertise."

    class Meta:
        model = ExpertiseIndexPage


class ExpertisePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Expertise {n}")
    slug = factory.Sequence(lambda n: f"expertise-{n}")
    family = factory.Iterator(
        ["management", "law", "communication", "marketing", "people", "finance"]
    )
    summary = "Des services spécialisés au juste coût."
    services = factory.LazyFunction(lambda: [("service", "Conseil"), ("service", "Formation")])
    mandates = factory.LazyFunction(lambda: [("mandate", "Un mandat type")])

    class Meta:
        model = ExpertisePage
