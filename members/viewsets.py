"""« Membres » in the Wagtail admin: the register (listing, filters, search, the member's
record with its contacts and share ledger, history) and « Exporter le registre ».

Who may: the Member model's « view », « change » and « export » permissions
(membership.permissions), held by the committee and administrators. Members are created
by the approval of an application (or, for a member admitted otherwise, by « add »); a
member is never deleted here — it resigns or is excluded, and the register keeps it.

Saving the record writes what changed to the member's history (each field, from → to, and
the ledger's new lines), brings the status up to date from the ledger (a pending member
whose qualifying shares are paid becomes active) and the contacts' access to the member
space (members.register).
"""

from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy

from consortium.staff.exports import ReadableExportMixin

from . import ledger, register
from .chooser import member_chooser
from .models import Member, MemberCategory, MovementKind, ShareMovement
from .permissions import REGISTER_EXPORT_PERMISSION


class NoDeletePolicy(ModelPermissionPolicy):
    """The register keeps its members: nobody deletes one (SPEC §9, art. 124)."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def kept_rows(formset) -> list[dict]:
    """The cleaned rows of a valid formset that are not being deleted."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def principal_count(rows) -> int:
    return sum(1 for row in rows if row.get("is_principal"))


class MemberAdminForm(WagtailAdminModelForm):
    """Exactly one principal contact, and a ledger that never holds fewer than no shares
    nor repays more than was paid."""

    def clean(self):
        cleaned = super().clean()
        contacts = self.formsets.get("contacts")
        if contacts is not None and contacts.is_valid():
            kept = [
                f for f in contacts.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            if sum(1 for f in kept if f.cleaned_data.get("is_principal")) != 1:
                raise forms.ValidationError(
                    _(
                        "Choose exactly one principal contact "
                        "(the delegate to the general assembly)."
                    )
                )
        movements = self.formsets.get("movements")
        if movements is not None and movements.is_valid() and self.instance.pk:
            self._check_ledger(movements)
        return cleaned

    def _check_ledger(self, movements):
        kept = [
            f.cleaned_data
            for f in movements.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        received = list(self.instance.transfers_in.all())
        rows = sorted(
            [("own", data) for data in kept] + [("in", row) for row in received],
            key=lambda item: item[1]["date"] if item[0] == "own" else item[1].date,
        )
        totals = ledger.Totals()
        for origin, row in rows:
            kind = row["kind"] if origin == "own" else row.kind
            shares = row["shares"] if origin == "own" else row.shares
            amount = row["amount"] if origin == "own" else row.amount
            reason = None if origin == "in" else ledger.refusal(totals, kind, shares, amount)
            if reason:
                raise forms.ValidationError(reason)
            totals = ledger.apply(totals, kind, shares, amount, incoming=origin == "in")


def _values(instance) -> dict:
    return {
        field.name: field.value_to_string(instance)
        for field in Member._meta.concrete_fields
        if field.editable and not field.primary_key
    }


def record_changes(before: dict, member: Member, form, user) -> None:
    """What the form changed, as one history entry (fields, contacts, ledger lines)."""
    after = _values(member)
    changes = []
    for name, value in after.items():
        if before.get(name) != value:
            field = Member._meta.get_field(name)
            changes.append(
                {
                    "field": name,
                    "from": _display(member, field, before.get(name, "")),
                    "to": _display(member, field, value),
                }
            )
    for relation in ("contacts", "movements"):
        formset = form.formsets.get(relation)
        if formset is None:
            continue
        for child in formset.forms:
            if not child.has_changed():
                continue
            deleted = child.cleaned_data.get("DELETE")
            changes.append(
                {
                    "field": relation,
                    "from": str(child.instance) if deleted else "",
                    "to": "" if deleted else str(child.instance),
                }
            )
    register.log_changes(member, changes, user=user)


def _display(member, field, raw: str) -> str:
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if field.is_relation and raw:
        return str(field.related_model.objects.filter(pk=raw).first() or raw)
    return raw


class MemberEditView(EditView):
    def get_object(self, queryset=None):
        member = super().get_object(queryset)
        self._before = _values(member)
        self._former_users = [c.user for c in member.contacts.all() if c.user_id]
        return member

    def save_instance(self):
        instance = self.form.save()
        self.has_content_changes = self.form.has_changed()
        record_changes(self._before, instance, self.form, self.request.user)
        register.refresh_status(instance, user=self.request.user)
        register.sync_access(instance, self._former_users)
        return instance


class MemberCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        register.refresh_status(instance, user=self.request.user)
        register.sync_access(instance)
        return instance


class MemberFilterSet(WagtailFilterSet):
    class Meta:
        model = Member
        fields = ["status", "category", "region", "legal_form"]


@dataclass(frozen=True)
class RegisterRow:
    """One member's line of the register, its ledger read once (not once per column)."""

    member: Member
    movements: list
    totals: ledger.Totals

    @classmethod
    def of(cls, member: Member) -> "RegisterRow":
        movements = ledger.movements_of(member)
        return cls(member, movements, ledger.totals_of(member.pk, movements))

    def dates(self, kind) -> str:
        return ", ".join(
            movement.date.isoformat() for movement in self.movements if movement.kind == kind
        )


def _address(member: Member) -> str:
    return ", ".join(
        part for part in (member.street_address, member.city, member.postal_code) if part
    )


# The register of art. 124: the columns of « Exporter le registre », in order; each value
# is read from a RegisterRow.
REGISTER_COLUMNS = {
    "name": (_("Name"), lambda row: row.member.name),
    "address": (_("Last known address"), lambda row: _address(row.member)),
    "category": (_("Category"), lambda row: str(row.member.category or "")),
    "status": (_("Status"), lambda row: row.member.get_status_display()),
    "shares_held": (_("Shares held"), lambda row: row.totals.shares_held),
    "subscriptions": (
        _("Dates of subscription"),
        lambda row: row.dates(MovementKind.SUBSCRIPTION),
    ),
    "payments": (_("Dates of payment"), lambda row: row.dates(MovementKind.PAYMENT)),
    "redemptions": (_("Dates of redemption"), lambda row: row.dates(MovementKind.REDEMPTION)),
    "repayments": (_("Dates of repayment"), lambda row: row.dates(MovementKind.REPAYMENT)),
    "transfers": (_("Dates of transfer"), lambda row: row.dates(MovementKind.TRANSFER)),
    "paid": (_("Amount paid ($)"), lambda row: row.totals.paid),
    "owing": (_("Amount owing ($)"), lambda row: row.totals.owing),
}


def shares_held(member) -> int:
    return ledger.member_totals(member).shares_held


def amount_owing(member) -> str:
    return f"{ledger.member_totals(member).owing} $"


class MemberIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = _("Register of members")
    list_export = list(REGISTER_COLUMNS)
    export_headings = {name: label for name, (label, _value) in REGISTER_COLUMNS.items()}

    def get_base_queryset(self):
        # The totals of every row from two prefetches: queries do not grow with members.
        return (
            super()
            .get_base_queryset()
            .select_related("category")
            .prefetch_related(
                Prefetch("movements", queryset=ShareMovement.objects.order_by("date", "pk")),
                Prefetch("transfers_in", queryset=ShareMovement.objects.order_by("date", "pk")),
            )
        )

    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm(REGISTER_EXPORT_PERMISSION):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def to_row_dict(self, item):
        row = RegisterRow.of(item)
        return {name: value(row) for name, (_label, value) in REGISTER_COLUMNS.items()}

    def model_field(self, name):
        return None

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm(REGISTER_EXPORT_PERMISSION)

    @cached_property
    def header_more_buttons(self):
        buttons = [
            button for button in super().header_more_buttons if "export=" not in (button.url or "")
        ]
        if self.show_export_buttons:
            for fmt, priority in (("xlsx", 90), ("csv", 100)):
                buttons.append(
                    Button(
                        gettext("Export the register (%(format)s)") % {"format": fmt.upper()},
                        url=self.get_export_url(fmt),
                        icon_name="download",
                        priority=priority,
                    )
                )
        return buttons


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "group"
    menu_label = _("Members")
    url_prefix = "members"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["name"]
    index_view_class = MemberIndexView
    export_filename = "registre-des-membres"
    edit_view_class = MemberEditView
    add_view_class = MemberCreateView
    filterset_class = MemberFilterSet
    search_fields = ["name", "neq", "contacts__email", "contacts__name"]
    search_backend_name = None
    list_display = [
        TitleColumn("name", label=_("legal name"), sort_key="name", url_name="members:edit"),
        Column("category", label=_("category")),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("region", label=_("region"), accessor="get_region_display", sort_key="region"),
        Column("shares_held", label=_("shares held"), accessor=shares_held),
        Column("owing", label=_("amount owing"), accessor=amount_owing),
        Column("member_since", label=_("date of admission"), sort_key="member_since"),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("neq"),
                    FieldRowPanel([FieldPanel("legal_form"), FieldPanel("region")]),
                    FieldPanel("street_address"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")]),
                    FieldPanel("website"),
                ],
                heading=_("Identity"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("category"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("status_date")]),
                    FieldRowPanel([FieldPanel("member_since"), FieldPanel("admission_resolution")]),
                    FieldPanel("directory_consent"),
                ],
                heading=_("Membership"),
            ),
            InlinePanel("contacts", heading=_("Contacts"), label=_("contact"), min_num=1),
            InlinePanel(
                "movements",
                heading=_("Share ledger"),
                label=_("movement"),
                panels=[
                    FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
                    FieldRowPanel([FieldPanel("shares"), FieldPanel("amount")]),
                    # A chooser, not a list of every member on every line (issue #36).
                    FieldPanel("counterparty", widget=member_chooser.widget_class),
                    FieldPanel("note"),
                ],
            ),
        ],
        base_form_class=MemberAdminForm,
    )

    @property
    def permission_policy(self):
        return NoDeletePolicy(self.model)


class MemberCategoryViewSet(ModelViewSet):
    model = MemberCategory
    icon = "list-ul"
    menu_label = _("Member categories")
    url_prefix = "member-categories"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["name", "name_en", "qualifying_shares", "share_price", "sort_order"]
    list_display = [
        TitleColumn("name", label=_("name"), url_name="member_categories:edit"),
        Column("qualifying_shares", label=_("qualifying shares")),
        Column("share_price", label=_("unit price of a share ($)")),
    ]


class RegisterViewSetGroup(ViewSetGroup):
    """« Registre des membres »: the members and their categories."""

    menu_label = _("Register of members")
    menu_icon = "group"
    menu_order = 260
    items = (MemberViewSet("members"), MemberCategoryViewSet("member_categories"))
