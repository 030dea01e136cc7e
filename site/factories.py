"""Factories for site-wide models."""

import datetime

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from consortium.models import NavigationMenu, Office, OrganisationSettings, SiteTexts, SocialLink


class OrganisationSettingsFactory(DjangoModelFactory):
    main_phone = "+14186221001"
    toll_free_phone = "+18558379142"
    opens_at = datetime.time(8, 30)
    closes_at = datetime.time(16, 30)

    class Meta:
        model = OrganisationSettings


class OfficeFactory(DjangoModelFactory):
    settings = factory.SubFactory(OrganisationSettingsFactory)
    city = "Montréal"
    street_address = "1000, rue Exemple"
    province = "QC"
    postal_code = "H2X 1Y4"

    class Meta:
        model = Office


class SocialLinkFactory(DjangoModelFactory):
    settings = factory.SubFactory(OrganisationSettingsFactory)
    network = "linkedin"
    url = "https://www.linkedin.com/company/exemple"

    class Meta:
        model = SocialLink


class SiteTextsFactory(DjangoModelFactory):
    """French texts unless a locale is given."""

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))
    footer_summary = "Une coopérative de solidarité au service des entreprises collectives."
    privacy_officer_name = "Camille Tremblay"
    privacy_officer_title = "Directrice générale"
    privacy_officer_email = "confidentialite@consortium.example"
    privacy_officer_phone = "+14186221001"

    class Meta:
        model = SiteTexts


def page_items(*pages, labels=None) -> list:
    """Menu items linking to ``pages`` (labels by position, else the pages' titles)."""
    labels = labels or {}
    return [
        ("page", {"page": page, "label": labels.get(index, "")}) for index, page in enumerate(pages)
    ]


class NavigationMenuFactory(DjangoModelFactory):
    """A French main menu unless told otherwise; ``items`` from :func:`page_items`."""

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))
    slot = "main"
    items = factory.LazyFunction(list)

    class Meta:
        model = NavigationMenu
