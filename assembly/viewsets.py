"""« Assemblée générale » in the admin (the « Présidence d'assemblée » group and
administrators): the assemblies and their votes, the roll of voters and the members left
off (read-only), and each assembly's chair panel (assembly.admin_views). The record is
exported as readable CSV/XLSX with French headings: the roll with each delegate's arrival
and departure, the votes with their counts and outcome, the members left off and why; the
chair's actions are in the site's history (wagtail_hooks), exported there."""

import django_filters
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from consortium.staff.exports import ReadableExportMixin
from consortium.staff.permissions import ReadOnlyPermissionPolicy

from .models import Assembly, Motion, RollExclusion, Voter
from .results import describe


class ReadOnlyViewSet(ModelViewSet):
    """A listing staff read and export, never edit (what it lists comes from the roll)."""

    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class AssemblyViewSet(ModelViewSet):
    model = Assembly
    icon = "group"
    menu_label = _("Assemblies")
    name = "assemblies"
    url_prefix = "assemblies"
    copy_view_enabled = False
    form_fields = ["event", "roll_closes_at", "quorum_kind", "quorum_value", "meeting_url"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "meeting_url":
            kwargs["assume_scheme"] = "https"  # « visio.example/ag » is an https address
        return super().formfield_for_dbfield(db_field, **kwargs)

    list_display = [
        TitleColumn("event", label=_("event"), url_name="assemblies:edit"),
        Column("roll_closes_at", label=_("roll closes at")),
    ]


class MotionFilterSet(WagtailFilterSet):
    class Meta:
        model = Motion
        fields = ["assembly", "status"]


class MotionIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Votes")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("assembly__event")
            .prefetch_related("candidates")
        )

    def export_values(self, item) -> dict:
        if not item.results:
            return {"voters": None, "present": None, "counts": "", "outcome": ""}
        result = describe(item, translation.get_language())
        counts = ", ".join(
            gettext("%(what)s: %(count)s") % {"what": what, "count": count}
            for what, count in result.counts
        )
        return {
            "voters": result.voters,
            "present": result.present,
            "counts": counts,
            "outcome": result.outcome,
        }


class MotionViewSet(ModelViewSet):
    model = Motion
    index_view_class = MotionIndexView
    icon = "tasks"
    menu_label = _("Votes")
    name = "assembly_votes"
    url_prefix = "assembly-votes"
    copy_view_enabled = False
    filterset_class = MotionFilterSet
    list_display = [
        TitleColumn("title", label=_("title (French)"), url_name="assembly_votes:edit"),
        Column("number", label=_("agenda item")),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        BooleanColumn("secret", label=_("secret ballot")),
        Column("status", label=_("status"), accessor="get_status_display"),
    ]
    list_export = [
        "assembly",
        "number",
        "title",
        "kind",
        "majority",
        "seats",
        "secret",
        "status",
        "opened_at",
        "closed_at",
        "voters",
        "present",
        "counts",
        "outcome",
    ]
    export_headings = {
        "assembly": _("General assembly"),
        "voters": _("Voters"),
        "present": _("Delegates present at the close"),
        "counts": _("Counts"),
        "outcome": _("Outcome"),
    }
    export_filename = "votes-de-l-assemblee"
    ordering = ["assembly", "number"]


class RollFilterSet(WagtailFilterSet):
    assembly = django_filters.ModelChoiceFilter(
        label=_("General assembly"), queryset=Assembly.objects.all(), empty_label=_("All")
    )

    class Meta:
        model = Voter
        fields = ["assembly"]


class RollIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Roll of voters")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("assembly__event", "member", "attendance")
            .prefetch_related("member__contacts")
        )

    def export_values(self, item) -> dict:
        attendance = getattr(item, "attendance", None)
        return {
            "arrived_at": attendance.arrived_at if attendance else None,
            "left_at": attendance.left_at if attendance else None,
        }


class RollViewSet(ReadOnlyViewSet):
    model = Voter
    icon = "list-ul"
    menu_label = _("Roll of voters")
    name = "assembly_roll"
    url_prefix = "assembly-roll"
    form_fields = ["designated"]  # required by ModelViewSet; no one may reach the form
    index_view_class = RollIndexView
    filterset_class = RollFilterSet
    list_display = [
        Column("member", label=_("member")),
        Column("delegate", label=_("delegate"), accessor="delegate"),
        Column("present", label=_("present"), accessor="present_since"),
    ]
    list_export = ["assembly", "member", "delegate", "arrived_at", "left_at"]
    export_headings = {
        "assembly": _("General assembly"),
        "member": _("Member"),
        "delegate": _("Delegate"),
        "arrived_at": _("Arrived at"),
        "left_at": _("Left at"),
    }
    export_filename = "liste-des-votants"
    ordering = ["member__name"]


class ExclusionViewSet(ReadOnlyViewSet):
    model = RollExclusion
    icon = "warning"
    menu_label = _("Members not on the roll")
    name = "assembly_left_off"
    url_prefix = "assembly-left-off"
    form_fields = ["reason"]  # required by ModelViewSet; no one may reach the form
    list_filter = ["assembly", "reason"]
    list_display = [
        Column("member", label=_("member")),
        Column("reason", label=_("reason"), accessor="get_reason_display"),
    ]
    list_export = ["assembly", "member", "reason"]
    export_filename = "membres-hors-liste"
    ordering = ["member__name"]


class AssemblyViewSetGroup(ViewSetGroup):
    menu_label = _("General assembly")
    menu_icon = "group"
    menu_order = 275
    items = (AssemblyViewSet, MotionViewSet, RollViewSet, ExclusionViewSet)
