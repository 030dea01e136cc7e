"""« Assemblée générale » in the admin (the « Présidence d'assemblée » group and
administrators): the assemblies and their votes, the roll of voters and the members left
off (read-only, exported as readable CSV/XLSX with French headings), and each assembly's
chair panel (assembly.admin_views)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from consortium.staff.exports import ReadableExportMixin
from consortium.staff.permissions import ReadOnlyPermissionPolicy

from .models import Assembly, Motion, RollExclusion, Voter


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


class MotionViewSet(ModelViewSet):
    model = Motion
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
    list_export = ["assembly", "member", "delegate", "present_since"]
    export_headings = {
        "assembly": _("General assembly"),
        "member": _("Member"),
        "delegate": _("Delegate"),
        "present_since": _("Present since"),
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
