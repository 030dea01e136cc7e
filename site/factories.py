"""Factories for site-wide models."""

import datetime

import factory
from factory.django import DjangoModelFactory

from .models import Office, OrganisationSettings


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
    province = "QC"

    class Meta:
        model = Office
