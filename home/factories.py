"""Factories for the home app's pages (tests and demo data)."""

import datetime

import factory
import wagtail_factories

from .models import HomePage, PrivacyPolicyPage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    hero_title = "L’expertise partagée des entreprises collectives"
    hero_intro = "Une équipe de professionnels au service des entreprises collectives."
    mission_heading = "Notre mission"
    mission = "<p>Offrir des services spécialisés au juste coût.</p>"
    key_figures_heading = "En chiffres"
    key_figures = factory.LazyFunction(
        lambda: [("figure", {"figure": "50", "label": "professionnels", "year": 2020})]
    )
    cta_heading = "Devenir membre"
    cta_text = "Parlons de vos besoins."
    cta_label = "Nous joindre"
    cta_url = "#coordonnees"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page institutionnelle."
    body = factory.LazyFunction(
        lambda: [("heading", "Un intertitre"), ("paragraph", "<p>Un paragraphe.</p>")]
    )

    class Meta:
        model = StandardPage


class PrivacyPolicyPageFactory(wagtail_factories.PageFactory):
    title = "Politique de confidentialité"
    slug = "confidentialite"
    intro = "Ce que nous recueillons et pourquoi."
    version = "2026-1"
    effective_date = datetime.date(2026, 11, 1)
    body = factory.LazyFunction(
        lambda: [("heading", "Vos droits"), ("paragraph", "<p>Vous pouvez demander l’accès.</p>")]
    )

    class Meta:
        model = PrivacyPolicyPage
