from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblyConfig(AppConfig):
    """The general assembly held at a distance (SPEC §14): the roll of voters drawn from
    the register, attendance and quorum, open and secret ballots, and their record."""

    name = "assembly"
    verbose_name = _("General assembly")
    default_auto_field = "django.db.models.BigAutoField"
