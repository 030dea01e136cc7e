"""The services app's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the «
Services aux membres » group — the admin and service requests only, with a second factor (the
requests hold personal information)."""

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import SERVICES_GROUP, ensure_group
from consortium.staff.two_factor import ENABLE_PERMISSION

SERVICES_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("services", "view_servicerequest"),
    ("services", "handle_servicerequest"),
    ENABLE_PERMISSION,
]


@setup_step(29)
def ensure_services_group(report: SetupReport | None = None):
    """The group of SPEC §10 that follows up service requests."""
    _group, created = ensure_group(SERVICES_GROUP, SERVICES_PERMISSIONS)
    if created and report is not None:
        report.changed(f"group {SERVICES_GROUP}")
