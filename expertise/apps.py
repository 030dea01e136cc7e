from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertiseConfig(AppConfig):
    """Fields of expertise and the team members who practise them (issue #4)."""

    name = "expertise"
    verbose_name = _("Fields of expertise")
    default_auto_field = "django.db.models.BigAutoField"
