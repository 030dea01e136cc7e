from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter's subscribers with proven consent (CASL), SPEC §12."""

    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consortium.messaging import outbox

        from . import notifications, provider
        from .models import NewsletterEmail, ProviderCall

        outbox.register_renderer(NewsletterEmail, notifications.message)
        outbox.register_hold(NewsletterEmail, notifications.held_back)
        outbox.register_sender(ProviderCall, provider.call)
