"""The request's page in the admin, laid out as the committee's: the state of the
follow-up at the top with the forms that change it (consortium.cases.admin), then the
requester's answers, the documents, the notes and the history; and « Inviter à adhérer »
for a non-member."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from consortium.cases.admin import CaseInspectView

from .actions import invite_to_join
from .choices import OPEN_STATUSES
from .models import ServiceRequest
from .permissions import HANDLE_PERMISSION

STATUS_FORM_TEXTS = {
    "note": {
        "help_text": gettext_lazy(
            "Required for “No follow-up” (the requester is told the request is closed)."
        )
    },
    "share_note": {
        "label": gettext_lazy("Email this note to the requester"),
        "help_text": gettext_lazy(
            "At “Offer sent”, “Completed” and “No follow-up” the requester gets an "
            "email; ticked, this note is in it. Unticked, only the team reads it."
        ),
    },
}

SUMMARY_FIELDS = ["status", "submitted_at", "language", "expertise_fields", "member"]
SECTIONS = [
    ("need", gettext_lazy("The need"), ["need", "timeframe"]),
    ("organisation", gettext_lazy("Organisation"), ["organisation_name", "neq", "region"]),
    (
        "contact",
        gettext_lazy("Contact person"),
        ["contact_name", "contact_email", "contact_phone"],
    ),
]
INSPECTED_FIELDS = [
    "reference",
    *SUMMARY_FIELDS,
    *(name for _id, _title, names in SECTIONS for name in names),
]


class ServiceRequestInspectView(CaseInspectView):
    template_name = "services/admin/inspect.html"
    page_title = gettext_lazy("Service request")

    def get_expertise_fields_display_value(self):
        return ", ".join(field.title for field in self.object.expertise_fields.all()) or "—"

    def get_member_display_value(self):
        member = self.object.member
        return member.name if member else _("Not a member")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        service_request = self.object
        by_name = dict(zip(self.fields, context["fields"], strict=True))
        context["summary"] = [by_name[name] for name in SUMMARY_FIELDS]
        context["sections"] = [
            {"id": section_id, "title": title, "fields": [by_name[name] for name in names]}
            for section_id, title, names in SECTIONS
        ]
        context["days_waiting"] = (
            (timezone.now() - service_request.submitted_at).days
            if service_request.status in OPEN_STATUSES
            else None
        )
        context["attachments"] = service_request.attachments.all()
        context["consent"] = getattr(service_request, "consent", None)
        context["notes"] = service_request.internal_notes.select_related("author")
        if service_request.member_id is None and self.request.user.has_perm(HANDLE_PERMISSION):
            context["invite_url"] = reverse("service_requests:invite", args=[service_request.pk])
        return context


@require_POST
def invite_view(request, pk):
    if not request.user.has_perm(HANDLE_PERMISSION):
        raise PermissionDenied
    service_request = get_object_or_404(ServiceRequest, pk=pk)
    try:
        invite_to_join(service_request, user=request.user)
    except ValueError:
        messages.error(request, _("This organisation is already a member."))
    else:
        messages.success(
            request,
            _("The membership page was emailed to %(email)s.")
            % {"email": service_request.contact_email},
        )
    return redirect("service_requests:inspect", pk)
