from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, their registrations and the general assembly (SPEC §11)."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consortium.messaging import outbox

        from . import notifications
        from .models import RegistrationEmail

        outbox.register_renderer(RegistrationEmail, notifications.message)
