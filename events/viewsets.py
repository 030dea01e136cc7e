"""« Inscriptions aux événements » in the admin (Communications, administrators): the
attendees per event and state, searchable, exported as readable CSV/XLSX. Read-only:
registrations come from the public form and its cancellation links."""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from consortium.staff.exports import ReadableExportMixin
from consortium.staff.permissions import ReadOnlyPermissionPolicy

from .models import EventPage, Registration


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=EventPage.objects.none(), empty_label=_("All events")
    )

    class Meta:
        model = Registration
        fields = ["event", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["event"].queryset = (
            EventPage.objects.filter(registrations__isnull=False).distinct().order_by("-start")
        )


class RegistrationIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Registrations")

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            # The event's title only: no page object (and its body) built per row.
            return queryset.annotate(event_title=F("event__title"))
        return queryset.select_related("event")

    def export_values(self, item) -> dict:
        return {"event": item.event_title}


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Event registrations")
    menu_order = 270
    add_to_admin_menu = True
    url_prefix = "event-registrations"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["state"]  # required by ModelViewSet; no one may reach the form
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    list_display = [
        TitleColumn("name", label=_("name"), url_name="event_registrations:inspect"),
        Column("organisation", label=_("organisation")),
        Column("event", label=_("event")),
        Column("state", label=_("state"), accessor="get_state_display"),
        Column("registered_at", label=_("registered at")),
    ]
    search_fields = ["name", "organisation", "email"]
    search_backend_name = None
    list_export = ["event", "name", "organisation", "email", "state", "registered_at", "language"]
    export_filename = "inscriptions"
    ordering = ["-registered_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)
