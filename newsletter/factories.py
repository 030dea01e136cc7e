"""Factories for the newsletter app (tests)."""

import wagtail_factories

from .models import NewsletterPage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Infolettre"
    slug = "infolettre"
    intro = "Les nouvelles du Consortium, une fois par mois."
    thanks_text = "Le courriel peut prendre quelques minutes."

    class Meta:
        model = NewsletterPage
