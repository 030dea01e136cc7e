from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """« Demande de service » (SPEC §10): the public request for a field's experts, its
    routing to the field's team, and the « Services aux membres » group's follow-up."""

    name = "services"
    verbose_name = _("Service requests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consortium.messaging import outbox

        from . import notifications
        from .models import Notification

        outbox.register_renderer(Notification, notifications.message)

        from . import workflow  # noqa: F401 - its pre_save guard
