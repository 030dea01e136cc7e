"""Admin hooks of the membership app: the audit-log actions (change of status, assignment,
export), the committee's dashboard panel and the « Demandes d'adhésion » section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consortium.cases.admin import register_case_log_actions

from .admin_views import EXPORTED
from .permissions import VIEW_PERMISSION
from .workflow import WORKFLOW


@hooks.register("register_log_actions")
def register_review_actions(actions):
    register_case_log_actions(
        actions,
        WORKFLOW,
        status_label=_("Change the status of an application"),
        assign_label=_("Assign an application"),
    )
    actions.register_action(
        EXPORTED, _("Export an applicant's data"), _("Applicant's data exported (JSON)")
    )


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        from .dashboard import ApplicationsPanel

        panels.append(ApplicationsPanel())


@hooks.register("register_admin_viewset")
def register_application_viewset():
    from .viewsets import MembershipApplicationViewSet

    return MembershipApplicationViewSet("membership_applications")


@hooks.register("register_admin_viewset")
def register_held_viewset():
    from consortium.intake.held_admin import HeldSubmissionViewSet

    from .views import FORM_NAME

    return HeldSubmissionViewSet(
        "held_submissions", form_name=FORM_NAME, permission=VIEW_PERMISSION
    )
