"""Membership's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the committee's
group,
a second factor for every group that reads applications (personal information), and the
« Membres » group of the member space (no permission: Wagtail's view restrictions name it)."""

from django.contrib.auth.models import Group

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import COMMITTEE_GROUP, ensure_group, permission_named
from consortium.staff.two_factor import ENABLE_PERMISSION

from .permissions import MEMBERS_GROUP

DEFAULT_CATEGORIES = [
    ("Membre utilisateur", "User member"),
    ("Membre de soutien", "Supporting member"),
    ("Membre auxiliaire", "Auxiliary member"),
    ("Membre sous entière gestion", "Fully managed member"),
]

COMMITTEE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("membership", "view_membershipapplication"),
    ("membership", "review_membershipapplication"),
    # « Registre des membres »: read, change and export the register, its categories.
    ("membership", "add_member"),
    ("membership", "view_member"),
    ("membership", "change_member"),
    ("membership", "export_member"),
    ("membership", "add_membercategory"),
    ("membership", "view_membercategory"),
    ("membership", "change_membercategory"),
    ENABLE_PERMISSION,
]


@setup_step(25)
def ensure_committee_group(report: SetupReport | None = None):
    """The Comité d'adhésion group (SPEC §6): the admin, and the applications only."""
    _group, created = ensure_group(COMMITTEE_GROUP, COMMITTEE_PERMISSIONS)
    if created and report is not None:
        report.changed(f"group {COMMITTEE_GROUP}")


@setup_step(26)
def second_factor_for_application_readers(report: SetupReport):
    """Any group that may read applications signs in with a second factor."""
    second_factor = permission_named(*ENABLE_PERMISSION)
    readers = Group.objects.filter(
        permissions__content_type__app_label="membership",
        permissions__codename="view_membershipapplication",
    ).exclude(permissions=second_factor)
    for group in readers.distinct():
        group.permissions.add(second_factor)
        report.changed(f"second factor required for group {group.name}")


@setup_step(27)
def ensure_members_group(report: SetupReport | None = None):
    """« Membres »: signed-in contacts of active members (membership.register.sync_access)."""
    _group, created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    if created and report is not None:
        report.changed(f"group {MEMBERS_GROUP}")


@setup_step(28)
def ensure_member_categories(report: SetupReport | None = None):
    """The categories of SPEC §9, without qualifying shares or price (staff type the
    by-laws' figures); a category staff renamed or removed is not brought back once any
    exists."""
    from .register_models import MemberCategory

    if MemberCategory.objects.exists():
        return
    for order, (name, name_en) in enumerate(DEFAULT_CATEGORIES):
        MemberCategory.objects.create(name=name, name_en=name_en, sort_order=order)
    if report is not None:
        report.changed("member categories")
