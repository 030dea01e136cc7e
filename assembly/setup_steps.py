"""The assembly app's part of `manage.py setup_site` (consortium.bootstrap.site_setup): the
« Présidence d'assemblée » group — the admin, the assemblies and their votes (prepared,
opened, closed), the roll drawn and read, with a second factor."""

from consortium.bootstrap.site_setup import SetupReport, setup_step
from consortium.staff.roles import ensure_group
from consortium.staff.two_factor import ENABLE_PERMISSION

from .permissions import CHAIR_GROUP

CHAIR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("assembly", "add_assembly"),
    ("assembly", "change_assembly"),
    ("assembly", "view_assembly"),
    ("assembly", "chair_assembly"),
    ("assembly", "add_motion"),
    ("assembly", "change_motion"),
    ("assembly", "view_motion"),
    ("assembly", "view_voter"),
    ("assembly", "view_rollexclusion"),
    ENABLE_PERMISSION,
]


@setup_step(32)
def ensure_chair_group(report: SetupReport | None = None):
    """The group of SPEC §14 that opens and closes the assembly's votes."""
    _group, created = ensure_group(CHAIR_GROUP, CHAIR_PERMISSIONS)
    if created and report is not None:
        report.changed(f"group {CHAIR_GROUP}")
