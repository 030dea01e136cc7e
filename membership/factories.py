"""Factories for the membership app (tests and demo data)."""

import factory
import wagtail_factories

from .models import MemberDirectoryPage, MembershipPage


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Devenir membre"
    slug = "adhesion"
    intro = "Les entreprises collectives deviennent membres du Consortium."
    categories = factory.LazyFunction(
        lambda: [
            ("category", {"name": "Membre utilisateur", "description": "Utilise les services."}),
            ("category", {"name": "Membre de soutien", "description": "Appuie la mission."}),
            ("category", {"name": "Membre auxiliaire", "description": "Services ponctuels."}),
        ]
    )
    form_intro = "Le comité d’adhésion étudie chaque demande."
    thanks_text = "Le comité vous écrira."

    class Meta:
        model = MembershipPage


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Nos membres"
    slug = "membres"
    intro = "Les membres qui ont accepté de figurer dans ce répertoire."

    class Meta:
        model = MemberDirectoryPage
