"""Membership's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the committee's
group (a second factor for it, as for every group that reads personal information, comes
from consortium.staff.personal_information)."""

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import COMMITTEE_GROUP, ensure_group
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
