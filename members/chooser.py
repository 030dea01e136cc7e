"""« Choisir un membre »: the ledger's counterparty chosen in a searchable, paginated
modal (Wagtail's ChooserViewSet) instead of a ``<select>`` of every member on each ledger
line — 3,000 options per line at 1,000 members; the member's page now stays the same size
whatever the register holds (issue #36).

Members are not in Wagtail's search index, so the modal searches the database (legal
name or NEQ). Only those who may change the register (``members.change_member``) open it:
the register lists members that are not in the public directory."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import Member

CHOOSE_PERMISSION = "members.change_member"


class MemberSearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Legal name or NEQ"), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip() if self.is_valid() else ""
        if query:
            self.search_query = query
            objects = objects.filter(Q(name__icontains=query) | Q(neq__icontains=query))
        return objects


class RegisterReadersOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CHOOSE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseMemberView(RegisterReadersOnly, chooser_views.ChooseView):
    filter_form_class = MemberSearchForm


class ChooseMemberResultsView(RegisterReadersOnly, chooser_views.ChooseResultsView):
    filter_form_class = MemberSearchForm


class ChosenMemberView(RegisterReadersOnly, chooser_views.ChosenView):
    pass


class MemberChooserViewSet(ChooserViewSet):
    model = Member
    icon = "group"
    choose_one_text = _("Choose a member")
    choose_another_text = _("Choose another member")
    edit_item_text = _("Edit this member")
    url_prefix = "member-chooser"
    per_page = 20
    choose_view_class = ChooseMemberView
    choose_results_view_class = ChooseMemberResultsView
    chosen_view_class = ChosenMemberView
    register_widget = False  # only the ledger's counterparty uses it

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(ordering=["name", "pk"], **kwargs)


member_chooser = MemberChooserViewSet("member_chooser")
