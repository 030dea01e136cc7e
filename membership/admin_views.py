"""The committee's actions on an application in the admin: change its status with a note,
assign it to a reviewer, write internal notes, export the applicant's data as JSON.

The detail page shows the statuses reachable from the current one; posting goes through
membership.actions.change_status, which checks the transition and records it in the
audit log (the application's history page shows that timeline). Reading (the detail, the
JSON export) needs the model's « view » permission; acting needs « review ».
"""

import datetime
from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from consortium.cases import TransitionNotAllowed
from consortium.exports import readable
from consortium.formatting import format_phone

from .actions import add_note, assign, change_status, display_name, reviewers
from .category_names import category_name, category_translations
from .choices import OPEN_STATUSES, Status
from .models import MembershipApplication
from .next_step import next_step
from .permissions import REVIEW_PERMISSION, VIEW_PERMISSION
from .portability import applicant_data
from .workflow import WORKFLOW

EXPORTED = "membership.exported"


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required to refuse or to ask for more information (a request for more "
            "information is always sent to the applicant, with a personal link)."
        ),
    )
    share_note = forms.BooleanField(
        label=gettext_lazy("Email this note to the applicant"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_share_note-help"}),
        help_text=gettext_lazy(
            "Unticked, only the committee reads it. With « More information requested » "
            "the note is the question emailed to the applicant, ticked or not."
        ),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        # Nothing preselected: a hurried click never records a status nobody chose.
        self.fields["status"].choices = [("", gettext_lazy("Choose…"))] + [
            (value, Status(value).label) for value in WORKFLOW.allowed(current)
        ]


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=gettext_lazy("Assigned reviewer"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Nobody"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers()
        self.fields["reviewer"].label_from_instance = display_name


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("New internal note"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Seen by the committee only, never by the applicant."),
    )


# The application's page: the state of the review at the top, then the applicant's answers
# in the order the committee reads them. Every applicant field is in one section (a test
# fails when a new field is in none).
SUMMARY_FIELDS = ["status", "submitted_at", "language", "possible_duplicate"]
SECTIONS = [
    (
        "organisation",
        gettext_lazy("Organisation"),
        [
            "organisation_name",
            "neq",
            "legal_form",
            "category",
            "sector",
            "region",
            "website",
            "member_count",
            "employee_count",
            "fields_of_interest",
        ],
    ),
    (
        "contact",
        gettext_lazy("Contact person and address"),
        [
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "street_address",
            "city",
            "postal_code",
        ],
    ),
    (
        "message",
        gettext_lazy("Message and consents"),
        ["message", "newsletter", "directory_consent"],
    ),
]
INSPECTED_FIELDS = [
    "reference",
    *SUMMARY_FIELDS,
    *(name for _id, _title, names in SECTIONS for name in names),
]
RECENT_HISTORY = 8


class ApplicationInspectView(InspectView):
    """The application's page: status, assignment and next step at the top with the forms
    that change them (for reviewers), then the sections; values in words (Oui/Non, the
    language's name, local times, phone numbers as they are dialled, links to write)."""

    template_name = "membership/admin/inspect.html"
    page_title = gettext_lazy("Membership application")

    def get_category_display_value(self):
        return category_name(self.object, category_translations(get_language()[:2]))

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, bool) or field_name == "language":
            return readable(value, field)
        if field_name == "contact_phone" and value:
            return format_html('<a href="tel:{}">{}</a>', value, format_phone(value))
        if field_name == "contact_email" and value:
            return format_html('<a href="mailto:{}">{}</a>', value, value)
        if field_name == "website" and value:
            return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', value, value)
        shown = super().get_field_display_value(field_name, field)
        return "—" if shown in ("", "-", None) else shown

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        by_name = dict(zip(self.fields, context["fields"], strict=True))
        context["summary"] = [by_name[name] for name in SUMMARY_FIELDS]
        context["sections"] = [
            {"id": section_id, "title": title, "fields": [by_name[name] for name in names]}
            for section_id, title, names in SECTIONS
        ]
        context["next_step"] = next_step(application)
        context["reviewer"] = (
            display_name(application.assigned_to) if application.assigned_to else ""
        )
        context["days_waiting"] = (
            (timezone.now() - application.submitted_at).days
            if application.status in OPEN_STATUSES
            else None
        )
        if self.request.user.has_perm(REVIEW_PERMISSION):
            if WORKFLOW.allowed(application.status):
                context["status_form"] = StatusForm(current=application.status)
                context["status_url"] = reverse(
                    "membership_applications:status", args=[application.pk]
                )
            context["assign_form"] = AssignForm(initial={"reviewer": application.assigned_to_id})
            context["assign_url"] = reverse("membership_applications:assign", args=[application.pk])
            context["note_form"] = NoteForm()
            context["note_url"] = reverse("membership_applications:note", args=[application.pk])
        context["attachments"] = application.attachments.all()
        context["consent"] = getattr(application, "consent", None)
        context["notes"] = application.internal_notes.select_related("author")
        context["info_requests"] = application.info_requests.all()
        context["member"] = getattr(application, "member", None)
        context["recent_history"] = (
            ModelLogEntry.objects.for_instance(application)
            .select_related("user")
            .order_by("-timestamp", "-pk")[:RECENT_HISTORY]
        )
        context["history_url"] = reverse("membership_applications:history", args=[application.pk])
        context["export_url"] = reverse(
            "membership_applications:export_json", args=[application.pk]
        )
        return context


class ApplicationHistoryView(HistoryView):
    """The timeline of an application (who moved it, when, from, to, why), for readers:
    the viewset is read-only, so Wagtail's default « add, change or delete » would hide it.
    Its links lead back to the application's page (Wagtail's lead to « edit », which
    nobody may open here)."""

    any_permission_required = ["view"]

    def get_edit_url(self, instance):
        return reverse("membership_applications:inspect", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                label=_("Back to the application"),
                url=self.get_edit_url(self.object),
                icon_name="doc-full",
            )
        ]


def _reviewable(request, pk):
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(MembershipApplication, pk=pk)


@require_POST
def change_status_view(request, pk):
    application = _reviewable(request, pk)
    inspect_url = reverse("membership_applications:inspect", args=[pk])
    form = StatusForm(request.POST, current=application.status)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses offered."))
        return redirect(inspect_url)
    try:
        change_status(
            application,
            form.cleaned_data["status"],
            user=request.user,
            note=form.cleaned_data["note"],
            share_note=form.cleaned_data["share_note"],
        )
    except TransitionNotAllowed as error:
        messages.error(request, " ".join(error.messages))
        return redirect(inspect_url)
    messages.success(
        request,
        _("%(reference)s is now « %(status)s ».")
        % {
            "reference": application.reference,
            "status": Status(form.cleaned_data["status"]).label,
        },
    )
    return redirect(inspect_url)


@require_POST
def assign_view(request, pk):
    application = _reviewable(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reviewer from the list."))
    else:
        reviewer = form.cleaned_data["reviewer"]
        assign(application, reviewer, by=request.user)
        if reviewer is None:
            messages.success(request, _("The application is assigned to nobody."))
        else:
            messages.success(
                request,
                _("The application is assigned to %(name)s.") % {"name": display_name(reviewer)},
            )
    return redirect("membership_applications:inspect", pk)


@require_POST
def note_view(request, pk):
    application = _reviewable(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        add_note(application, request.user, form.cleaned_data["text"])
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("Write a note of at most 3,000 characters."))
    return redirect("membership_applications:inspect", pk)


@never_cache
def export_json_view(request, pk):
    """The applicant's data (Loi 25 access or portability request), as a JSON download;
    the export itself is recorded in the application's history."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    application = get_object_or_404(MembershipApplication, pk=pk)
    data = applicant_data(application)
    log(instance=application, action=EXPORTED, user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{application.reference}.json"'
    return response
