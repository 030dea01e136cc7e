"""Membership's part of `manage.py setup_site` (consortium.setup): the committee's group."""

from consortium.roles import COMMITTEE_GROUP, ensure_group
from consortium.setup import SetupReport, setup_step

COMMITTEE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("membership", "view_membershipapplication"),
    ("membership", "review_membershipapplication"),
]


@setup_step(25)
def ensure_committee_group(report: SetupReport | None = None):
    """The Comité d'adhésion group (SPEC §6): the admin, and the applications only."""
    _group, created = ensure_group(COMMITTEE_GROUP, COMMITTEE_PERMISSIONS)
    if created and report is not None:
        report.changed(f"group {COMMITTEE_GROUP}")
