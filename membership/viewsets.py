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
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from consortium.exports import ReadableExportMixin

from .actions import display_name
from .admin_views import (
    INSPECTED_FIELDS,
    ApplicationHistoryView,
    ApplicationInspectView,
    assign_view,
    change_status_view,
    export_json_view,
    note_view,
)
from .category_names import category_name, category_translations
from .choices import OPEN_STATUSES, Status
from .models import APPLICANT_FIELDS, MembershipApplication
from .permissions import VIEW_PERMISSION

READ_ONLY_ACTIONS = {"add", "change", "delete"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def days_waiting(application: MembershipApplication) -> int | str:
    if application.status not in OPEN_STATUSES:
        return "—"
    return (timezone.now() - application.submitted_at).days


def reviewer_name(application: MembershipApplication) -> str:
    user = application.assigned_to
    return display_name(user) if user else "—"


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


class ApplicationsMenuItem(MenuItem):
    """The menu item, with the number of new (« Soumise ») applications as its badge: one
    COUNT on the status index per admin page, for readers of applications only."""

    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)

    def render_component(self, request):
        component = super().render_component(request)
        count = new_applications_count()
        if count:
            component.label = f"{self.label} ({count})"
            component.attrs = {
                **(component.attrs or {}),
                "title": _("%(count)s new application(s)") % {"count": count},
            }
        return component


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "group"
    menu_label = _("Membership applications")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "membership-applications"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    history_view_class = ApplicationHistoryView
    form_fields = ["status"]  # required by ModelViewSet; no one may reach the form
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
        Column("days_waiting", label=_("days waiting"), accessor=days_waiting),
        Column("assigned_to", label=_("assigned reviewer"), accessor=reviewer_name),
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

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    @cached_property
    def menu_item_class(self):
        return ApplicationsMenuItem

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<id:pk>/", change_status_view, name="status"),
            path("assign/<id:pk>/", assign_view, name="assign"),
            path("note/<id:pk>/", note_view, name="note"),
            path("export/<id:pk>.json", export_json_view, name="export_json"),
        ]
