"""Admin hooks of the services app: the audit-log actions, the dashboard panel, the
« Demandes de service » section and its held submissions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consortium.cases.admin import register_case_log_actions

from .actions import INVITED
from .permissions import VIEW_PERMISSION
from .workflow import WORKFLOW


@hooks.register("register_log_actions")
def register_service_actions(actions):
    register_case_log_actions(
        actions,
        WORKFLOW,
        status_label=_("Change the status of a service request"),
        assign_label=_("Assign a service request"),
    )
    actions.register_action(
        INVITED, _("Invite a requester to join"), _("Membership page emailed to the requester")
    )


@hooks.register("construct_homepage_panels")
def add_service_requests_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        from .dashboard import ServiceRequestsPanel

        panels.append(ServiceRequestsPanel())


@hooks.register("register_admin_viewset")
def register_service_request_viewset():
    from .viewsets import ServiceRequestViewSet

    return ServiceRequestViewSet("service_requests")


@hooks.register("register_admin_viewset")
def register_held_service_requests():
    from consortium.intake.held_admin import HeldSubmissionViewSet

    from .views import FORM_NAME

    return HeldSubmissionViewSet(
        "held_service_requests",
        form_name=FORM_NAME,
        permission=VIEW_PERMISSION,
        url_prefix="held-service-requests",
        menu_label=_("Held service requests"),
        menu_order=261,
    )
