"""The committee's panel on the admin dashboard: what waits, per status, and the
application that has waited longest (consortium.cases.admin.CaseDashboardPanel)."""

from django.utils.translation import gettext_lazy as _

from consortium.cases.admin import CaseDashboardPanel

from .choices import OPEN_STATUSES, Status
from .models import MembershipApplication


class ApplicationsPanel(CaseDashboardPanel):
    name = "membership-applications"
    order = 50  # above Wagtail's own panels: this is what the committee comes for
    model = MembershipApplication
    statuses = Status
    open_statuses = OPEN_STATUSES
    viewset_name = "membership_applications"
    heading = _("Membership applications")
    caption = _("Applications per status")
    count_heading = _("Applications")
    nothing_waiting = _("No application is waiting for a decision.")
