"""The members app's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the
« Membres » group of the member space (no permission: Wagtail's view restrictions name it)
and the default member categories."""

from django.contrib.auth.models import Group

from consortium.bootstrap.site_setup import SetupReport, setup_step

from .models import MemberCategory
from .permissions import MEMBERS_GROUP

DEFAULT_CATEGORIES = [
    ("Membre utilisateur", "User member"),
    ("Membre de soutien", "Supporting member"),
    ("Membre auxiliaire", "Auxiliary member"),
    ("Membre sous entière gestion", "Fully managed member"),
]


@setup_step(27)
def ensure_members_group(report: SetupReport | None = None):
    """« Membres »: signed-in contacts of active members (members.register.sync_access)."""
    _group, created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    if created and report is not None:
        report.changed(f"group {MEMBERS_GROUP}")


@setup_step(28)
def ensure_member_categories(report: SetupReport | None = None):
    """The categories of SPEC §9, without qualifying shares or price (staff type the
    by-laws' figures); a category staff renamed or removed is not brought back once any
    exists."""
    if MemberCategory.objects.exists():
        return
    for order, (name, name_en) in enumerate(DEFAULT_CATEGORIES):
        MemberCategory.objects.create(name=name, name_en=name_en, sort_order=order)
    if report is not None:
        report.changed("member categories")
