"""Admin hooks of the assembly app: the audit log's names for what the roll and the chair
did (drawing the roll, a delegate designated, a vote opened or closed)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_log_actions")
def register_assembly_actions(actions):
    from .roll import DESIGNATED, DRAWN
    from .voting import CLOSED, OPENED

    @actions.register_action(DRAWN)
    class RollDrawn(LogFormatter):
        label = _("Draw the roll of voters")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Roll drawn: %(voters)s voters, %(left_off)s members left off.") % data

    @actions.register_action(DESIGNATED)
    class DelegateDesignated(LogFormatter):
        label = _("Designate a delegate")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("%(member)s designated %(delegate)s as its delegate.") % data

    @actions.register_action(OPENED)
    class VoteOpened(LogFormatter):
        label = _("Open a vote")

        def format_message(self, log_entry):
            return _("Vote on item %(number)s opened.") % (log_entry.data or {})

    @actions.register_action(CLOSED)
    class VoteClosed(LogFormatter):
        label = _("Close a vote")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Vote on item %(number)s closed: %(voters)s voters took part.") % data
