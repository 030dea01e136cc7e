"""The privacy app's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the group «
Responsable de la protection des renseignements personnels » — the admin and the Loi 25
registers only, with a second factor (incidents hold sensitive information)."""

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import PRIVACY_OFFICER_GROUP, ensure_group
from consortium.staff.two_factor import ENABLE_PERMISSION

PRIVACY_OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("privacy", "add_confidentialityincident"),
    ("privacy", "change_confidentialityincident"),
    ("privacy", "delete_confidentialityincident"),
    ("privacy", "view_confidentialityincident"),
    ("consortium", "view_anonymisationrecord"),
    ENABLE_PERMISSION,
]


@setup_step(31)
def ensure_privacy_officer_group(report: SetupReport | None = None):
    """The group of SPEC §12 that keeps the Loi 25 registers."""
    _group, created = ensure_group(PRIVACY_OFFICER_GROUP, PRIVACY_OFFICER_PERMISSIONS)
    if created and report is not None:
        report.changed(f"group {PRIVACY_OFFICER_GROUP}")
