"""The staff roles of SPEC §6 as Wagtail groups, and the demo account of each.

- Rédaction: create and edit pages and news, submit them for review, upload and choose
  images and documents; never publish.
- Communications: what Rédaction may, plus approve and publish; manage images, documents,
  snippets (categories, team, menus, site texts), settings, translations and redirects.
- Comité d'adhésion: membership applications only (membership.demo).
- Services aux membres: service requests only (services.setup_steps).
- Responsable de la protection des renseignements personnels: the Loi 25 registers only
  (privacy.setup_steps).
- Administrateurs: superusers.

Permissions are listed here as data and applied by ``ensure_group`` and
``ensure_editorial_groups``, which add what is missing and never remove (an
administrator's additions stay), so the demo command can run on every start. None of
these groups has any permission on membership applications, so they cannot reach them.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS_GROUP = "Rédaction"
COMMUNICATIONS_GROUP = "Communications"
COMMITTEE_GROUP = "Comité d'adhésion"
SERVICES_GROUP = "Services aux membres"
PRIVACY_OFFICER_GROUP = "Responsable de la protection des renseignements personnels"

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]


def _crud(app: str, model: str) -> list[tuple[str, str]]:
    return [(app, f"{action}_{model}") for action in ("add", "change", "delete", "view")]


# Model-level permissions (the group's own).
MODEL_PERMISSIONS = {
    EDITORS_GROUP: [
        *ADMIN_ACCESS,
        # To choose a category or a team member in a page (not to edit them).
        ("news", "view_newscategory"),
        ("expertise", "view_teammember"),
    ],
    COMMUNICATIONS_GROUP: [
        *ADMIN_ACCESS,
        *_crud("news", "newscategory"),
        *_crud("expertise", "teammember"),
        *_crud("consortium", "navigationmenu"),
        *_crud("consortium", "sitetexts"),
        *_crud("consortium", "searchsynonym"),
        ("consortium", "change_organisationsettings"),
        # Event attendees: read and export (registrations come from the public form).
        ("events", "view_registration"),
        # Newsletter subscribers: read, export, unsubscribe on request (never typed in).
        ("newsletter", "view_subscriber"),
        ("newsletter", "unsubscribe_subscriber"),
        ("wagtail_localize", "submit_translation"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
    ],
}

# Page permissions, on the tree's root (every language's pages).
PAGE_PERMISSIONS = {
    EDITORS_GROUP: ["add_page", "change_page"],
    COMMUNICATIONS_GROUP: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

# Image and document permissions, on the root collection.
_MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]
COLLECTION_PERMISSIONS = {
    EDITORS_GROUP: [
        (app, f"{action}_{model}") for app, model in _MEDIA for action in ("add", "choose")
    ],
    COMMUNICATIONS_GROUP: [
        (app, f"{action}_{model}")
        for app, model in _MEDIA
        for action in ("add", "change", "delete", "choose")
    ],
}

# Development only (DEBUG): one account per role, printed by `build_demo`.
DEMO_ACCOUNTS = [
    ("redaction", EDITORS_GROUP),
    ("communications", COMMUNICATIONS_GROUP),
    ("comite", COMMITTEE_GROUP),
    ("services", SERVICES_GROUP),
    ("confidentialite", PRIVACY_OFFICER_GROUP),
]


# A permission that a library creates in a data migration rather than from a model's
# Meta: a database flushed after migrating (transactional tests do it) loses it, and
# Django does not make it again, so it is made here when missing, as the migration does.
MIGRATION_PERMISSIONS = {
    ("wagtail_localize", "submit_translation"): ("translation", "Can submit translations"),
    ("wagtailadmin", "enable_2fa"): ("admin", "Enable 2FA"),
}


def permission_named(app: str, codename: str) -> Permission:
    if (app, codename) in MIGRATION_PERMISSIONS:
        model, name = MIGRATION_PERMISSIONS[(app, codename)]
        content_type, _created = ContentType.objects.get_or_create(app_label=app, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return permission
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def ensure_group(name: str, permissions: list[tuple[str, str]]) -> tuple[Group, bool]:
    """The group ``name`` with at least ``permissions``; True when it was created."""
    group, created = Group.objects.get_or_create(name=name)
    wanted = [permission_named(app, codename) for app, codename in permissions]
    present = set(group.permissions.values_list("pk", flat=True))
    missing = [permission for permission in wanted if permission.pk not in present]
    if missing:
        group.permissions.add(*missing)
    return group, created


def ensure_editorial_groups() -> list[str]:
    """Rédaction and Communications with their model, page and collection permissions;
    returns the names of the groups created."""
    created_names = []
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name, permissions in MODEL_PERMISSIONS.items():
        group, created = ensure_group(name, permissions)
        if created:
            created_names.append(name)
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission_named("wagtailcore", codename)
            )
        for app, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission_named(app, codename)
            )
    return created_names
