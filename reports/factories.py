"""Factories for the reports app (tests)."""

import factory
import wagtail_factories

from .models import AnnualReportIndexPage, AnnualReportPage


class AnnualReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rapports annuels"
    slug = "rapports-annuels"
    intro = "Les rapports annuels du Consortium."

    class Meta:
        model = AnnualReportIndexPage


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    fiscal_year = "2024-2025"
    title = factory.LazyAttribute(lambda page: f"Rapport annuel {page.fiscal_year}")
    slug = factory.LazyAttribute(lambda page: page.fiscal_year)
    theme = "Au service des entreprises collectives"
    key_figures = factory.LazyFunction(
        lambda: [("figure", {"figure": "263", "label": "entreprises servies", "year": 2025})]
    )
    sections = factory.LazyFunction(
        lambda: [
            ("finances", [("paragraph", "<p>Autofinancé à 97,7 %.</p>")]),
            ("introduction", [("paragraph", "<p>L’année en bref.</p>")]),
        ]
    )

    class Meta:
        model = AnnualReportPage
