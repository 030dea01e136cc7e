"""The public members' directory (« Nos membres »): filters and pagination from the query
string.

Only active members (their qualifying shares paid, or so set by staff) that agreed to be
listed appear. Filters come from a GET form (region, legal
form) so a filtered list can be shared and used without JavaScript; an unknown value is
ignored (the whole list is shown), never an error. Queries do not grow with members: one
count and one page of rows.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from consortium.intake.quebec import REGIONS

from .choices import LegalForm
from .models import Member

MEMBERS_PER_PAGE = 50


class DirectoryFilterForm(forms.Form):
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *REGIONS]
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("All legal forms")), *LegalForm.choices],
    )


def listed_members() -> QuerySet[Member]:
    return Member.objects.listed().only("name", "region", "legal_form", "website", "member_since")


def directory(params: QueryDict) -> dict:
    """The context of the directory page for the query string ``params``."""
    form = DirectoryFilterForm(params)
    form.is_valid()  # an invalid value is left out of cleaned_data, so it filters nothing
    chosen = {name: value for name, value in form.cleaned_data.items() if value}
    members = listed_members().filter(**chosen)
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(params.get("page"))
    return {
        "filter_form": form,
        "members": page,
        "is_filtered": bool(chosen),
        "filter_query": f"{urlencode(chosen)}&" if chosen else "",
    }
