from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """The register of members (SPEC §9: members, contacts, categories, the share ledger,
    statuses), the public directory's query, and the member space of their contacts."""

    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consortium.messaging import outbox

        from . import emails
        from .models import MemberEmail

        outbox.register_renderer(MemberEmail, emails.message)
