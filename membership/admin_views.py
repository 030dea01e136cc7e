"""The application's page in the admin and the export of the applicant's data as JSON.

The forms that change the status, assign and write internal notes, and the views they
post to, are the case admin's (consortium.cases.admin, shared with service requests):
posting goes through membership.actions, which checks the transition and records it in
the audit log (the history page shows that timeline). Reading (the detail, the JSON
export) needs the model's « view » permission; acting needs « review ».
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from consortium.cases.admin import CaseInspectView

from .category_names import category_name, category_translations
from .choices import OPEN_STATUSES
from .models import MembershipApplication
from .next_step import next_step
from .permissions import VIEW_PERMISSION
from .portability import applicant_data

EXPORTED = "membership.exported"


# The words of the status form for applications (consortium.cases.admin.StatusForm).
STATUS_FORM_TEXTS = {
    "note": {
        "help_text": gettext_lazy(
            "Required to refuse or to ask for more information (a request for more "
            "information is always sent to the applicant, with a personal link)."
        )
    },
    "share_note": {
        "label": gettext_lazy("Email this note to the applicant"),
        "help_text": gettext_lazy(
            "Unticked, only the committee reads it. With “More information requested” "
            "the note is the question emailed to the applicant, ticked or not."
        ),
    },
}


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


class ApplicationInspectView(CaseInspectView):
    """The application's page: status, assignment and next step at the top with the forms
    that change them (for reviewers), then the sections."""

    template_name = "membership/admin/inspect.html"
    page_title = gettext_lazy("Membership application")

    def get_category_display_value(self):
        return category_name(self.object, category_translations(get_language()[:2]))

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
        context["days_waiting"] = (
            (timezone.now() - application.submitted_at).days
            if application.status in OPEN_STATUSES
            else None
        )
        context["attachments"] = application.attachments.all()
        context["consent"] = getattr(application, "consent", None)
        context["notes"] = application.internal_notes.select_related("author")
        context["info_requests"] = application.info_requests.all()
        context["member"] = getattr(application, "member", None)
        context["export_url"] = reverse(
            "membership_applications:export_json", args=[application.pk]
        )
        return context


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
