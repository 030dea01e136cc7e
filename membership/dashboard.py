"""The committee's panel on the admin dashboard: what waits, per status, and the
application that has waited longest. Two queries, whatever the number of applications."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .choices import OPEN_STATUSES, Status
from .models import MembershipApplication


def status_counts() -> list[dict]:
    """Every status with its number of applications (0 included), in the workflow's order."""
    counts = dict(
        MembershipApplication.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    listing = reverse("membership_applications:index")
    return [
        {
            "status": status,
            "label": status.label,
            "count": counts.get(status.value, 0),
            "url": f"{listing}?status={status.value}",
        }
        for status in Status
    ]


def oldest_waiting():
    return (
        MembershipApplication.objects.filter(status__in=OPEN_STATUSES)
        .order_by("submitted_at", "pk")
        .only("pk", "reference", "organisation_name", "submitted_at", "status")
        .first()
    )


class ApplicationsPanel(Component):
    name = "membership_applications"
    template_name = "membership/admin/dashboard_panel.html"
    order = 50  # above Wagtail's own panels: this is what the committee comes for

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        oldest = oldest_waiting()
        context.update(
            counts=status_counts(),
            oldest=oldest,
            oldest_days=(timezone.now() - oldest.submitted_at).days if oldest else None,
        )
        return context
