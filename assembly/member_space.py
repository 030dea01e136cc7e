"""The general assembly's pages in the member space (members.extensions):
/fr/espace-membre/assemblee/ and /en/member-area/assembly/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

routes = [
    path(_("assembly/"), views.assembly_view, name="assembly"),
    path(_("assembly/present/"), views.present_view, name="assembly_present"),
    path(_("assembly/leave/"), views.leave_view, name="assembly_leave"),
    path(_("assembly/delegate/"), views.delegate_view, name="assembly_delegate"),
    path(_("assembly/vote/<id:motion_id>/"), views.vote_view, name="assembly_vote"),
    path(_("assembly/state/"), views.state_view, name="assembly_state"),
]
dashboard_links = [("assembly", _("General assembly: take part and vote"))]
