"""Admin hooks of the assembly app: « Assemblée générale » (assemblies, votes, the roll,
the members left off) and its chair panel, and the audit log's names for what the roll
and the chair did (drawing the roll, a delegate designated, a vote opened or closed)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .permissions import CHAIR_PERMISSION


@hooks.register("register_admin_viewset")
def register_assembly_viewsets():
    from .viewsets import AssemblyViewSetGroup

    return AssemblyViewSetGroup()


@hooks.register("register_admin_urls")
def register_chair_urls():
    from . import admin_views

    return [
        path("assembly/chair/", admin_views.current, name="assembly_chair_current"),
        path("assembly/<id:pk>/chair/", admin_views.panel, name="assembly_chair"),
        path("assembly/<id:pk>/chair/state/", admin_views.state, name="assembly_chair_state"),
        path("assembly/<id:pk>/roll/draw/", admin_views.draw_roll, name="assembly_draw_roll"),
        path("assembly/<id:pk>/minutes/", admin_views.minutes_view, name="assembly_minutes"),
        path(
            "assembly/<id:pk>/votes/<id:motion_pk>/<str:action>/",
            admin_views.change_vote,
            name="assembly_change_vote",
        ),
    ]


class ChairMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CHAIR_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_chair_menu_item():
    return ChairMenuItem(
        _("Chair the assembly"),
        reverse("assembly_chair_current"),
        icon_name="group",
        order=276,
    )


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
