"""The Loi 25 registers in the admin, for the privacy officer's group (and administrators):
« Incidents de confidentialité » (recorded, updated, exported as CSV for the Commission
d'accès à l'information; deletion refused for five years) and « Journal
d'anonymisation » (read-only: the retention commands write it)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from consortium.models import AnonymisationRecord
from consortium.staff.exports import ReadableExportMixin
from consortium.staff.permissions import ReadOnlyPermissionPolicy

from .models import ConfidentialityIncident

INCIDENT_FIELDS = [
    "information",
    "circumstances",
    "occurred_from",
    "occurred_to",
    "aware_on",
    "people_affected",
    "risk",
    "risk_assessment",
    "commission_notified_on",
    "people_notified_on",
    "public_notice",
    "measures",
]


class IncidentIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = gettext_lazy("Incidents")


class IncidentDeleteView(DeleteView):
    """Refuses, with the date it becomes possible, before the retention period ends."""

    def dispatch(self, request, *args, **kwargs):
        incident = ConfidentialityIncident.objects.filter(pk=kwargs.get("pk")).first()
        if incident is not None and not incident.deletable():
            messages.error(
                request,
                _(
                    "This incident must be kept in the register until %(date)s (five years "
                    "after the Consortium learned of it): it cannot be deleted before."
                )
                % {"date": date_format(incident.kept_until, "j F Y")},
            )
            return redirect("confidentiality_incidents:edit", incident.pk)
        return super().dispatch(request, *args, **kwargs)


class IncidentViewSet(ModelViewSet):
    model = ConfidentialityIncident
    icon = "warning"
    menu_label = gettext_lazy("Confidentiality incidents")
    url_prefix = "privacy/incidents"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = IncidentIndexView
    delete_view_class = IncidentDeleteView
    form_fields = INCIDENT_FIELDS
    list_display = [
        TitleColumn(
            "aware_on",
            label=gettext_lazy("learned of on"),
            url_name="confidentiality_incidents:edit",
        ),
        Column("circumstances", label=gettext_lazy("circumstances")),
        Column("people_affected", label=gettext_lazy("people concerned")),
        Column("risk", label=gettext_lazy("risk"), accessor="get_risk_display"),
        Column("commission_notified_on", label=gettext_lazy("Commission notified on")),
    ]
    list_filter = ["risk"]
    search_fields = ["information", "circumstances", "measures"]
    search_backend_name = None
    list_export = [*INCIDENT_FIELDS, "recorded_at", "updated_at"]
    export_filename = "registre-incidents-confidentialite"
    ordering = ["-aware_on"]


class AnonymisationIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = gettext_lazy("Anonymisation log")


class AnonymisationLogViewSet(ModelViewSet):
    model = AnonymisationRecord
    icon = "history"
    menu_label = gettext_lazy("Anonymisation log")
    url_prefix = "privacy/anonymisation-log"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = AnonymisationIndexView
    form_fields = ["purpose"]  # required by ModelViewSet; no one may reach the form
    list_display = [
        Column("ran_at", label=gettext_lazy("date")),
        Column("purpose", label=gettext_lazy("purpose")),
        Column("count", label=gettext_lazy("number of records")),
        Column("method", label=gettext_lazy("method")),
        Column("run_by", label=gettext_lazy("run by")),
    ]
    list_filter = ["command"]
    list_export = ["ran_at", "command", "purpose", "count", "method", "run_by"]
    export_filename = "journal-anonymisation"
    ordering = ["-ran_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class RegistersGroup(ViewSetGroup):
    menu_label = gettext_lazy("Loi 25 registers")
    menu_icon = "lock"
    menu_order = 290
    items = (
        IncidentViewSet("confidentiality_incidents"),
        AnonymisationLogViewSet("anonymisation_log"),
    )
