"""Membership's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the committee's
group, a second factor for every group that reads applications (personal information)."""

from django.contrib.auth.models import Group

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import COMMITTEE_GROUP, ensure_group, permission_named
from consortium.staff.two_factor import ENABLE_PERMISSION

COMMITTEE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("membership", "view_membershipapplication"),
    ("membership", "review_membershipapplication"),
    # « Registre des membres »: read, change and export the register, its categories.
    ("members", "add_member"),
    ("members", "view_member"),
    ("members", "change_member"),
    ("members", "export_member"),
    ("members", "add_membercategory"),
    ("members", "view_membercategory"),
    ("members", "change_membercategory"),
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
