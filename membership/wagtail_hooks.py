"""Admin hooks of the membership app: the audit-log action of a change of status."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .choices import Status
from .workflow import STATUS_CHANGED


def _label(value: str) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return value


@hooks.register("register_log_actions")
def register_status_change(actions):
    @actions.register_action(STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = _("Change the status of an application")

        def format_message(self, log_entry):
            # The note is part of the message: the history's timeline shows messages only.
            data = log_entry.data or {}
            message = _("Status changed from « %(from)s » to « %(to)s »") % {
                "from": _label(data.get("from", "")),
                "to": _label(data.get("to", "")),
            }
            note = data.get("note", "")
            return f"{message} — {note}" if note else message

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note", "")


@hooks.register("register_admin_viewset")
def register_application_viewset():
    from .viewsets import MembershipApplicationViewSet

    return MembershipApplicationViewSet("membership_applications")
