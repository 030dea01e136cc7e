"""The admin's warning while an office lacks its full postal address (CASL): on the
dashboard of every staff member, first, with a link to the contact settings for those
who may fix it; the newsletter's emails wait meanwhile (consortium.messaging.sender)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from consortium.messaging.sender import missing_postal_address
from consortium.models import OrganisationSettings

SETTINGS_PERMISSION = "consortium.change_organisationsettings"


class PostalAddressWarningPanel(Component):
    name = "postal_address_warning"
    order = -100  # above every other panel
    template_name = "consortium/admin/postal_address_warning.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if self.request.user.has_perm(SETTINGS_PERMISSION):
            settings_ = OrganisationSettings.load()
            context["settings_url"] = reverse(
                "wagtailsettings:edit",
                args=["consortium", "organisationsettings", settings_.pk],
            )
        return context


def warning_panels(request) -> list[Component]:
    """The panel, when an address is missing (one query otherwise)."""
    return [PostalAddressWarningPanel(request)] if missing_postal_address() else []
