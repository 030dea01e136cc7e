from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """« Actualités et conseils »: news index, articles, categories, feed (issue #3)."""

    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"
