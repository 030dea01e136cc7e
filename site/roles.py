"""The staff roles of SPEC §6 as Wagtail groups, and the demo account of each.

Each group's permissions are listed here by (app label, codename) and applied by
``ensure_group``, which only adds what is missing (an administrator's additions stay).
Rédaction and Communications reach the admin; their page, image, snippet and workflow
permissions come with the editorial workflow (issue #7). Neither has any permission on
membership applications, so they cannot reach them. Administrators are superusers.
"""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Rédaction"
COMMUNICATIONS_GROUP = "Communications"
COMMITTEE_GROUP = "Comité d'adhésion"

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
EDITORIAL_PERMISSIONS = {
    EDITORS_GROUP: ADMIN_ACCESS,
    COMMUNICATIONS_GROUP: ADMIN_ACCESS,
}

# Development only (DEBUG): one account per role, printed by `build_demo`.
DEMO_ACCOUNTS = [
    ("redaction", EDITORS_GROUP),
    ("communications", COMMUNICATIONS_GROUP),
    ("comite", COMMITTEE_GROUP),
]


def ensure_group(name: str, permissions: list[tuple[str, str]]) -> tuple[Group, bool]:
    """The group ``name`` with at least ``permissions``; True when it was created."""
    group, created = Group.objects.get_or_create(name=name)
    wanted = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in permissions
    ]
    present = set(group.permissions.values_list("pk", flat=True))
    missing = [permission for permission in wanted if permission.pk not in present]
    if missing:
        group.permissions.add(*missing)
    return group, created
