"""Factories for the services app (tests)."""

import wagtail_factories

from .models import ServiceRequestPage


class ServiceRequestPageFactory(wagtail_factories.PageFactory):
    title = "Demande de service"
    slug = "demande-de-service"
    intro = "Décrivez votre besoin."
    non_member_text = "Les services sont offerts aux membres; écrivez-nous tout de même."
    thanks_text = "L’équipe du champ vous écrira."

    class Meta:
        model = ServiceRequestPage
