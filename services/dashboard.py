"""The services team's panel on the admin dashboard: what waits, per status, and the
request that has waited longest (consortium.cases.admin.CaseDashboardPanel)."""

from django.utils.translation import gettext_lazy as _

from consortium.cases.admin import CaseDashboardPanel

from .choices import OPEN_STATUSES, Status
from .models import ServiceRequest


class ServiceRequestsPanel(CaseDashboardPanel):
    name = "service-requests"
    order = 60
    model = ServiceRequest
    statuses = Status
    open_statuses = OPEN_STATUSES
    viewset_name = "service_requests"
    heading = _("Service requests")
    caption = _("Service requests per status")
    count_heading = _("Requests")
    nothing_waiting = _("No service request is waiting.")
