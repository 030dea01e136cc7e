"""« Demandes d'adhésion » in the Wagtail admin: the committee's listing, filters, search,
detail view, history and CSV/XLSX export.

Applications are read here, never typed: they come from the public form, and their status
changes only through the workflow's actions (membership.workflow), which record each one.
So the viewset is read-only for everyone, superusers included: no « add », « edit » or
« delete » view can be reached. Who may read is the model's « view » permission, which the
Comité d'adhésion group holds (and administrators); other groups do not see the menu item
and get « permission denied » on every URL.
"""

from functools import cached_property

import django_filters
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from consortium.cases.admin import CaseViewSet, assignee_name, case_menu_item, waiting_days
from consortium.staff.exports import ReadableExportMixin

from . import actions
from .admin_views import (
    INSPECTED_FIELDS,
    STATUS_FORM_TEXTS,
    ApplicationInspectView,
    export_json_view,
)
from .category_names import category_name, category_translations
from .choices import OPEN_STATUSES, Status
from .models import APPLICANT_FIELDS, MembershipApplication
from .permissions import REVIEW_PERMISSION, VIEW_PERMISSION
from .workflow import WORKFLOW


class ApplicationFilterSet(WagtailFilterSet):
    assigned = django_filters.ChoiceFilter(
        label=_("Assigned"),
        choices=[("me", _("To me")), ("nobody", _("To nobody"))],
        empty_label=_("To anyone"),
        method="filter_assigned",
    )

    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = MembershipApplication
        fields = ["status", "region", "legal_form", "submitted_at"]

    def filter_assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_to=self.request.user)
        if value == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class ApplicationIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Membership applications")

    def get_base_queryset(self):
        # The reviewer's name in a column: one join, not one query per row.
        return super().get_base_queryset().select_related("assigned_to")

    @cached_property
    def category_translations(self):
        return category_translations(get_language()[:2])

    def to_row_dict(self, item):
        """The category in the reader's language, whatever the applicant's."""
        row = super().to_row_dict(item)
        if "category" in row:
            row["category"] = category_name(item, self.category_translations)
        return row


def new_applications_count() -> int:
    return MembershipApplication.objects.filter(status=Status.SUBMITTED).count()


class MembershipApplicationViewSet(CaseViewSet):
    model = MembershipApplication
    case_actions = actions
    workflow = WORKFLOW
    handle_permission = REVIEW_PERMISSION
    status_form_texts = STATUS_FORM_TEXTS
    history_back_label = _("Back to the application")
    icon = "group"
    menu_label = _("Membership applications")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "membership-applications"
    inspect_view_class = ApplicationInspectView
    list_per_page = 50
    ordering = ["-submitted_at"]
    list_display = [
        TitleColumn(
            "reference",
            label=_("reference"),
            sort_key="reference",
            url_name="membership_applications:inspect",
        ),
        Column("organisation_name", label=_("organisation"), sort_key="organisation_name"),
        Column("region", label=_("region"), accessor="get_region_display", sort_key="region"),
        Column("legal_form", label=_("legal form"), accessor="get_legal_form_display"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("days_waiting", label=_("days waiting"), accessor=waiting_days(OPEN_STATUSES)),
        Column("assigned_to", label=_("assigned reviewer"), accessor=assignee_name),
        BooleanColumn("possible_duplicate", label=_("possible duplicate")),
    ]
    index_view_class = ApplicationIndexView
    filterset_class = ApplicationFilterSet
    search_fields = ["organisation_name", "neq", "contact_email", "reference"]
    search_backend_name = None  # the database's own search on these four fields
    # The export leaves out the free-text message (it can hold anything) and the
    # attachments (never exported).
    list_export = [
        "reference",
        "submitted_at",
        "status",
        *(name for name in APPLICANT_FIELDS if name not in ("message", "newsletter")),
        "possible_duplicate",
        "language",
    ]
    export_filename = "demandes-adhesion"
    inspect_view_fields = INSPECTED_FIELDS

    def handlers(self):
        return actions.reviewers()

    @cached_property
    def menu_item_class(self):
        return case_menu_item(
            VIEW_PERMISSION, new_applications_count, _("%(count)s new application(s)")
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/<id:pk>.json", export_json_view, name="export_json"),
        ]
