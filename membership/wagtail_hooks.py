"""Admin hooks of the membership app: the audit-log actions (change of status, assignment,
export), the committee's dashboard panel and the « Demandes d'adhésion » section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

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


@hooks.register("register_admin_viewset")
def register_member_register():
    from .register_viewsets import RegisterViewSetGroup

    return RegisterViewSetGroup()


@hooks.register("register_log_actions")
def register_member_actions(actions):
    from .register import CHANGED, CORRECTION, MOVEMENT, field_label
    from .register_models import MovementKind

    @actions.register_action(CHANGED)
    class MemberChanged(LogFormatter):
        label = _("Change a member's record")

        def format_message(self, log_entry):
            changes = (log_entry.data or {}).get("changes", [])
            return "; ".join(
                _("%(field)s: « %(from)s » → « %(to)s »")
                % {
                    "field": field_label(c.get("field", "")),
                    "from": c.get("from", ""),
                    "to": c.get("to", ""),
                }
                for c in changes
            )

    @actions.register_action(MOVEMENT)
    class MovementRecorded(LogFormatter):
        label = _("Record a share movement")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            try:
                kind = str(MovementKind(data.get("kind")).label)
            except ValueError:
                kind = data.get("kind", "")
            return _("%(kind)s on %(date)s: %(shares)s share(s), %(amount)s $") % {
                "kind": kind,
                "date": data.get("date", ""),
                "shares": data.get("shares", ""),
                "amount": data.get("amount", ""),
            }

    @actions.register_action(CORRECTION)
    class CorrectionRequested(LogFormatter):
        label = _("Ask for a correction (member space)")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Correction asked: %(field)s « %(from)s » → « %(to)s »") % {
                "field": data.get("field", ""),
                "from": data.get("from", ""),
                "to": data.get("to", ""),
            }

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")
