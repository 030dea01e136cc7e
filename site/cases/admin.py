"""The admin of a kind of case, written once (membership applications, service requests):
a read-only listing and detail whose statuses change only through the workflow's
actions, the forms that change the status, the assignment and the internal notes, the
views they post to, the timeline, and the dashboard's counts per status.

An app subclasses :class:`CaseViewSet` and names its workflow, the permission that acts
on cases, and its actions (``change_status``, ``assign``, ``add_note``, ``handlers``); its
inspect view and templates stay its own (what a case shows is the app's business).
"""

import datetime
from functools import cached_property
from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry

from consortium.cases.handling import TransitionNotAllowed, Workflow, display_name
from consortium.i18n.formatting import format_phone
from consortium.staff.exports import readable
from consortium.staff.permissions import ReadOnlyPermissionPolicy

RECENT_HISTORY = 8


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    share_note = forms.BooleanField(
        label=gettext_lazy("Email this note to the applicant"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_share_note-help"}),
    )

    def __init__(self, *args, workflow, current: str, texts=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Nothing preselected: a hurried click never records a status nobody chose.
        status = cast(forms.ChoiceField, self.fields["status"])
        status.choices = [("", gettext_lazy("Choose…"))] + [
            (value, workflow.label(value)) for value in workflow.allowed(current)
        ]
        # The app's words for its fields: {name: {"label": …, "help_text": …}}.
        for name, attributes in (texts or {}).items():
            for attribute, text in attributes.items():
                setattr(self.fields[name], attribute, text)


class AssignForm(forms.Form):
    reviewer: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Assigned reviewer"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Nobody"),
    )

    def __init__(self, *args, handlers, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = handlers
        self.fields["reviewer"].label_from_instance = display_name
        if label:
            self.fields["reviewer"].label = label


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("New internal note"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Seen by staff only, never by the person who sent it."),
    )


class CaseHistoryView(HistoryView):
    """The timeline of a case (who moved it, when, from, to, why), for readers: the
    viewset is read-only, so Wagtail's default « add, change or delete » would hide it.
    Its links lead back to the case's page (« edit » is no one's)."""

    any_permission_required = ["view"]
    back_label = gettext_lazy("Back to the case")

    def get_edit_url(self, instance):
        return reverse(self.edit_url_name, args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                label=self.back_label, url=self.get_edit_url(self.object), icon_name="doc-full"
            )
        ]


class CaseInspectView(InspectView):
    """A case's page: values in words (Oui/Non, the language's name, local times, phone
    numbers as they are dialled, links to write), the forms of its workflow for those who
    act, the latest entries of its timeline."""

    case_viewset = None  # set by CaseViewSet

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, bool) or field_name == "language":
            return readable(value, field)
        if field_name.endswith("phone") and value:
            return format_html('<a href="tel:{}">{}</a>', value, format_phone(value))
        if field_name.endswith("email") and value:
            return format_html('<a href="mailto:{}">{}</a>', value, value)
        if field_name == "website" and value:
            return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', value, value)
        shown = super().get_field_display_value(field_name, field)
        return "—" if shown in ("", "-", None) else shown

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        viewset = self.case_viewset
        context.update(viewset.action_forms(self.request.user, case))
        context["reviewer"] = display_name(case.assigned_to) if case.assigned_to else ""
        context["recent_history"] = (
            ModelLogEntry.objects.for_instance(case)
            .select_related("user")
            .order_by("-timestamp", "-pk")[:RECENT_HISTORY]
        )
        context["history_url"] = reverse(viewset.get_url_name("history"), args=[case.pk])
        return context


class CaseViewSet(ModelViewSet):
    """A read-only viewset of cases with the actions of its workflow."""

    workflow: Workflow
    handle_permission = ""
    status_form_texts: dict = {}
    assign_label = None
    history_back_label = gettext_lazy("Back to the case")
    copy_view_enabled = False
    inspect_view_enabled = True
    history_view_class = CaseHistoryView
    inspect_view_class = CaseInspectView
    form_fields = ["status"]  # required by ModelViewSet; no one may reach the form

    # The app's ``actions`` module: change_status(case, target, *, user, note, share_note),
    # assign(case, handler, *, by), add_note(case, author, text) and handlers().
    case_actions = None

    def change_status(self, case, target, *, user, note, share_note):
        self.case_actions.change_status(case, target, user=user, note=note, share_note=share_note)

    def assign(self, case, handler, *, by):
        self.case_actions.assign(case, handler, by=by)

    def add_note(self, case, author, text):
        self.case_actions.add_note(case, author, text)

    def handlers(self):
        return self.case_actions.handlers()

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(case_viewset=self, **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            edit_url_name=self.get_url_name("inspect"), back_label=self.history_back_label, **kwargs
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<id:pk>/", require_POST(self.status_view), name="status"),
            path("assign/<id:pk>/", require_POST(self.assign_view), name="assign"),
            path("note/<id:pk>/", require_POST(self.note_view), name="note"),
        ]

    # The forms, for the inspect view ------------------------------------------------

    def action_forms(self, user, case) -> dict:
        """The forms of the detail page, for those who act on cases (else nothing)."""
        if not user.has_perm(self.handle_permission):
            return {}
        context = {
            "assign_form": AssignForm(
                handlers=self.handlers(),
                label=self.assign_label,
                initial={"reviewer": case.assigned_to_id},
            ),
            "assign_url": reverse(self.get_url_name("assign"), args=[case.pk]),
            "note_form": NoteForm(),
            "note_url": reverse(self.get_url_name("note"), args=[case.pk]),
        }
        if self.workflow.allowed(case.status):
            context["status_form"] = self.status_form(case.status)
            context["status_url"] = reverse(self.get_url_name("status"), args=[case.pk])
        return context

    def status_form(self, current, data=None):
        return StatusForm(
            data, workflow=self.workflow, current=current, texts=self.status_form_texts
        )

    # The views the forms post to ----------------------------------------------------

    def _case(self, request, pk):
        if not request.user.has_perm(self.handle_permission):
            raise PermissionDenied
        return get_object_or_404(self.model, pk=pk)

    def _back(self, pk):
        return redirect(self.get_url_name("inspect"), pk)

    def status_view(self, request, pk):
        case = self._case(request, pk)
        form = self.status_form(case.status, request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one of the statuses offered."))
            return self._back(pk)
        target = form.cleaned_data["status"]
        try:
            self.change_status(
                case,
                target,
                user=request.user,
                note=form.cleaned_data["note"],
                share_note=form.cleaned_data["share_note"],
            )
        except TransitionNotAllowed as error:
            messages.error(request, " ".join(error.messages))
            return self._back(pk)
        messages.success(
            request,
            _("%(reference)s is now “%(status)s”.")
            % {"reference": case.reference, "status": self.workflow.label(target)},
        )
        return self._back(pk)

    def assign_view(self, request, pk):
        case = self._case(request, pk)
        form = AssignForm(request.POST, handlers=self.handlers())
        if not form.is_valid():
            messages.error(request, _("Choose a person from the list."))
            return self._back(pk)
        handler = form.cleaned_data["reviewer"]
        try:
            self.assign(case, handler, by=request.user)
        except TransitionNotAllowed as error:
            messages.error(request, " ".join(error.messages))
            return self._back(pk)
        if handler is None:
            messages.success(
                request, _("%(reference)s is assigned to nobody.") % {"reference": case.reference}
            )
        else:
            messages.success(
                request,
                _("%(reference)s is assigned to %(name)s.")
                % {"reference": case.reference, "name": display_name(handler)},
            )
        return self._back(pk)

    def note_view(self, request, pk):
        case = self._case(request, pk)
        form = NoteForm(request.POST)
        if form.is_valid():
            self.add_note(case, request.user, form.cleaned_data["text"])
            messages.success(request, _("Note added."))
        else:
            messages.error(request, _("Write a note of at most 3,000 characters."))
        return self._back(pk)


def assignee_name(case) -> str:
    """The listing's « assigned to » column (select the user with the cases)."""
    return display_name(case.assigned_to) if case.assigned_to else "—"


def waiting_days(open_statuses):
    """The listing's « days waiting » column: days since submission while open."""

    def days(case) -> int | str:
        if case.status not in open_statuses:
            return "—"
        return (timezone.now() - case.submitted_at).days

    return days


def status_counts(model, statuses, index_url: str) -> list[dict]:
    """Every status with its number of cases (0 included), in the workflow's order, each
    linked to the listing filtered on it (one query)."""
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [
        {
            "status": status,
            "label": status.label,
            "count": counts.get(status.value, 0),
            "url": f"{index_url}?status={status.value}",
        }
        for status in statuses
    ]


def oldest_waiting(model, open_statuses):
    """The open case that has waited longest (one query)."""
    return (
        model.objects.filter(status__in=open_statuses)
        .order_by("submitted_at", "pk")
        .only("pk", "reference", "organisation_name", "submitted_at", "status")
        .first()
    )


class CaseMenuItem(MenuItem):
    """A viewset's menu item with the number of new cases as its badge (one COUNT per admin
    page, for readers only). The viewset sets ``read_permission``, ``new_cases`` (a
    callable) and ``badge_title`` (with ``%(count)s``) on its subclass."""

    read_permission = ""
    badge_title = ""

    @staticmethod
    def new_cases() -> int:
        return 0

    def is_shown(self, request):
        return request.user.has_perm(self.read_permission)

    def render_component(self, request):
        component = super().render_component(request)
        count = self.new_cases()
        if count:
            component.label = f"{self.label} ({count})"
            component.attrs = {
                **(component.attrs or {}),
                "title": self.badge_title % {"count": count},
            }
        return component


def case_menu_item(read_permission: str, new_cases, badge_title) -> type[CaseMenuItem]:
    """The menu item class of a viewset of cases (``menu_item_class``)."""
    return type(
        "CaseMenuItem",
        (CaseMenuItem,),
        {
            "read_permission": read_permission,
            "new_cases": staticmethod(new_cases),
            "badge_title": badge_title,
        },
    )


def register_case_log_actions(actions, workflow, *, status_label, assign_label) -> None:
    """The audit-log actions of a workflow: a change of status (its message names both
    statuses and carries the note: the history's timeline shows messages only) and an
    assignment."""

    def label(value: str) -> str:
        try:
            return workflow.label(value)
        except ValueError:
            return value

    class StatusChanged(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = _("Status changed from “%(from)s” to “%(to)s”") % {
                "from": label(data.get("from", "")),
                "to": label(data.get("to", "")),
            }
            note = data.get("note", "")
            return f"{message} — {note}" if note else message

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note", "")

    class Assigned(LogFormatter):
        def format_message(self, log_entry):
            handler = (log_entry.data or {}).get("reviewer", "")
            if not handler:
                return _("Assigned to nobody")
            return _("Assigned to %(reviewer)s") % {"reviewer": handler}

    StatusChanged.label = status_label
    Assigned.label = assign_label
    actions.register_action(workflow.status_changed)(StatusChanged)
    actions.register_action(workflow.assigned)(Assigned)


class CaseDashboardPanel(Component):
    """A dashboard panel of cases: the count per status, each linked to the listing
    filtered on it, and the case that has waited longest (two queries). The app sets the
    model, its statuses, the open ones, its viewset's name and the panel's words."""

    template_name = "consortium/admin/case_dashboard_panel.html"
    model = None
    statuses = None
    open_statuses = ()
    viewset_name = ""
    heading = ""
    caption = ""
    count_heading = ""
    nothing_waiting = ""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        oldest = oldest_waiting(self.model, self.open_statuses)
        context.update(
            panel=self,
            counts=status_counts(self.model, self.statuses, reverse(f"{self.viewset_name}:index")),
            oldest=oldest,
            oldest_url=reverse(f"{self.viewset_name}:inspect", args=[oldest.pk]) if oldest else "",
            oldest_days=(timezone.now() - oldest.submitted_at).days if oldest else None,
        )
        return context
