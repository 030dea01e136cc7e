from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """Membership page, online application and the committee's review (issues #5 and #6)."""

    name = "membership"
    verbose_name = _("Membership")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consortium.messaging import outbox

        from . import notifications
        from .models import Notification

        outbox.register_renderer(Notification, notifications.message)

        from . import directory_refresh, workflow  # noqa: F401 - workflow: its pre_save guard

        directory_refresh.connect()
