"""The committee's actions on an application in the admin: change its status with a note.

The detail page shows the statuses reachable from the current one; posting goes through
membership.workflow.change_status, which checks the transition and records it in the
audit log (the application's history page shows that timeline).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.history import HistoryView

from .choices import Status
from .models import MembershipApplication
from .workflow import TransitionNotAllowed, allowed_transitions, change_status

REVIEW_PERMISSION = "membership.review_membershipapplication"


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required to refuse or to ask for more information."),
    )
    share_note = forms.BooleanField(
        label=gettext_lazy("The applicant may read this note"), required=False
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, Status(value).label) for value in allowed_transitions(current)
        ]


class ApplicationInspectView(InspectView):
    """The detail page, with the status form when the user may review."""

    template_name = "membership/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        if self.request.user.has_perm(REVIEW_PERMISSION) and allowed_transitions(
            application.status
        ):
            context["status_form"] = StatusForm(current=application.status)
            context["status_url"] = reverse("membership_applications:status", args=[application.pk])
        context["attachments"] = application.attachments.all()
        context["consent"] = getattr(application, "consent", None)
        return context


class ApplicationHistoryView(HistoryView):
    """The timeline of an application (who moved it, when, from, to, why), for readers:
    the viewset is read-only, so Wagtail's default « add, change or delete » would hide it."""

    any_permission_required = ["view"]


@require_POST
def change_status_view(request, pk):
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    application = get_object_or_404(MembershipApplication, pk=pk)
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
