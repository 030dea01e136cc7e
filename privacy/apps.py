from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The privacy officer's Loi 25 registers: confidentiality incidents and the
    anonymisation log (SPEC §12)."""

    name = "privacy"
    verbose_name = _("Protection of personal information")
    default_auto_field = "django.db.models.BigAutoField"
