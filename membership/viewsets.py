"""« Demandes d'adhésion » in the Wagtail admin: the committee's listing, filters, search,
detail view, history and CSV/XLSX export.

Applications are read here, never typed: they come from the public form, and their status
changes only through the workflow's actions (membership.workflow), which record each one.
So the viewset is read-only for everyone, superusers included: no « add », « edit » or
« delete » view can be reached. Who may read is the model's « view » permission, which the
Comité d'adhésion group holds (and administrators); other groups do not see the menu item
and get « permission denied » on every URL.
"""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .admin_views import ApplicationHistoryView, ApplicationInspectView, change_status_view
from .choices import OPEN_STATUSES
from .models import APPLICANT_FIELDS, MembershipApplication

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
        Column("reference", label=_("reference"), sort_key="reference"),
        Column("organisation_name", label=_("organisation"), sort_key="organisation_name"),
        Column("region", label=_("region"), accessor="get_region_display", sort_key="region"),
        Column("legal_form", label=_("legal form"), accessor="get_legal_form_display"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("days_waiting", label=_("days waiting"), accessor=days_waiting),
        BooleanColumn("possible_duplicate", label=_("possible duplicate")),
    ]
    list_filter = ["status", "region", "legal_form", "submitted_at"]
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
    inspect_view_fields = [
        "reference",
        "submitted_at",
        "status",
        "possible_duplicate",
        "language",
        *APPLICANT_FIELDS,
        "fields_of_interest",
    ]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", change_status_view, name="status")
        ]
