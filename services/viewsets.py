"""« Demandes de service » in the Wagtail admin (the « Services aux membres » group):
listing, filters, search, the detail page, history and CSV/XLSX export, on the case
admin shared with membership (consortium.cases.admin). Read-only for everyone: statuses
change only through the workflow's actions, which record each one."""

from functools import cached_property

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from consortium.cases.admin import CaseViewSet, assignee_name, case_menu_item, waiting_days
from consortium.i18n.languages import default_language
from consortium.staff.exports import ReadableExportMixin
from expertise.models import ExpertisePage

from . import actions
from .admin_views import (
    INSPECTED_FIELDS,
    STATUS_FORM_TEXTS,
    ServiceRequestInspectView,
    invite_view,
)
from .choices import OPEN_STATUSES, Status
from .models import REQUESTER_FIELDS, ServiceRequest
from .permissions import HANDLE_PERMISSION, VIEW_PERMISSION
from .workflow import WORKFLOW


def member_or_not(service_request: ServiceRequest) -> str:
    return str(_("Yes") if service_request.member_id else _("No"))


class ServiceRequestFilterSet(WagtailFilterSet):
    expertise_fields = django_filters.ModelChoiceFilter(
        label=_("Field of expertise"),
        queryset=ExpertisePage.objects.none(),
        empty_label=_("All fields"),
        method="filter_field",
    )
    member = django_filters.ChoiceFilter(
        label=_("Member"),
        choices=[("yes", _("Members")), ("no", _("Non-members"))],
        empty_label=_("Members or not"),
        method="filter_member",
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ServiceRequest
        fields = ["status", "region", "submitted_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The fields in the default language (a request stores the page the visitor chose:
        # its translations count too).
        self.filters["expertise_fields"].queryset = ExpertisePage.objects.filter(
            locale__language_code=default_language()
        ).order_by("title")

    def filter_field(self, queryset, name, value):
        return queryset.filter(expertise_fields__translation_key=value.translation_key).distinct()

    def filter_member(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(member__isnull=False)
        if value == "no":
            return queryset.filter(member__isnull=True)
        return queryset


class ServiceRequestIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Service requests")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("assigned_to", "member")
            .prefetch_related("expertise_fields")
        )


def waiting_count() -> int:
    return ServiceRequest.objects.filter(status=Status.RECEIVED).count()


class ServiceRequestViewSet(CaseViewSet):
    model = ServiceRequest
    case_actions = actions
    workflow = WORKFLOW
    handle_permission = HANDLE_PERMISSION
    status_form_texts = STATUS_FORM_TEXTS
    assign_label = _("Assigned to")
    history_back_label = _("Back to the request")
    icon = "help"
    menu_label = _("Service requests")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "service-requests"
    inspect_view_class = ServiceRequestInspectView
    index_view_class = ServiceRequestIndexView
    filterset_class = ServiceRequestFilterSet
    list_per_page = 50
    ordering = ["-submitted_at"]
    list_display = [
        TitleColumn(
            "reference",
            label=_("reference"),
            sort_key="reference",
            url_name="service_requests:inspect",
        ),
        Column("organisation_name", label=_("organisation"), sort_key="organisation_name"),
        Column("expertise_fields", label=_("fields of expertise"), accessor="field_titles"),
        Column("region", label=_("region"), accessor="get_region_display", sort_key="region"),
        Column("member", label=_("member"), accessor=member_or_not),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("days_waiting", label=_("days waiting"), accessor=waiting_days(OPEN_STATUSES)),
        Column("assigned_to", label=_("assigned to"), accessor=assignee_name),
    ]
    search_fields = ["organisation_name", "contact_email", "reference"]
    search_backend_name = None  # the database's own search on these fields
    # The export leaves out the free-text need (it can hold anything) and the documents.
    list_export = [
        "reference",
        "submitted_at",
        "status",
        "field_titles",
        *(name for name in REQUESTER_FIELDS if name != "need"),
        "member_name",
        "language",
    ]
    export_headings = {
        "field_titles": _("Fields of expertise"),
        "member_name": _("Member organisation"),
    }
    export_filename = "demandes-de-service"
    inspect_view_fields = INSPECTED_FIELDS

    @cached_property
    def menu_item_class(self):
        return case_menu_item(VIEW_PERMISSION, waiting_count, _("%(count)s new request(s)"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("invite/<id:pk>/", invite_view, name="invite"),
        ]
