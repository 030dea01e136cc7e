from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page and the institutional pages (about, contact, privacy, accessibility)."""

    name = "home"
    verbose_name = _("Home and institutional pages")
    default_auto_field = "django.db.models.BigAutoField"
