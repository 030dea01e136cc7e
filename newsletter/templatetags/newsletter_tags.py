"""The footer's short subscription form (registered by newsletter.wagtail_hooks)."""

from django import template
from django.urls import reverse

from consortium.i18n import languages

from ..consent import casl_text
from ..forms import language_choices
from ..links import page_in

register = template.Library()


@register.simple_tag
def newsletter_footer() -> dict | None:
    """What the footer's form needs, in the current language; None without a live
    newsletter page (nowhere to confirm)."""
    language = languages.current_language()
    if page_in(language) is None:
        return None
    return {
        "action": reverse("newsletter_subscribe"),
        "languages": language_choices(),
        "casl_text": casl_text(language),
    }
