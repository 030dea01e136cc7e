from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Annual reports (SPEC §11): one page per fiscal year under « À propos »."""

    name = "reports"
    verbose_name = _("Annual reports")
    default_auto_field = "django.db.models.BigAutoField"
