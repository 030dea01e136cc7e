"""Admin hooks of the members app: « Membres » (the register) and the audit-log actions of
a member's history (a change of its record, a share movement, a correction asked)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_admin_viewset")
def register_member_chooser():
    from .chooser import member_chooser

    return member_chooser


@hooks.register("register_admin_viewset")
def register_member_register():
    from .viewsets import RegisterViewSetGroup

    return RegisterViewSetGroup()


@hooks.register("register_log_actions")
def register_member_actions(actions):
    from members.models import MovementKind
    from members.register import CHANGED, CORRECTION, MOVEMENT, field_label

    @actions.register_action(CHANGED)
    class MemberChanged(LogFormatter):
        label = _("Change a member's record")

        def format_message(self, log_entry):
            changes = (log_entry.data or {}).get("changes", [])
            return "; ".join(
                _("%(field)s: “%(from)s” → “%(to)s”")
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
            return _("Correction asked: %(field)s “%(from)s” → “%(to)s”") % {
                "field": data.get("field", ""),
                "from": data.get("from", ""),
                "to": data.get("to", ""),
            }

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")
