"""`manage.py setup_site`: what a database needs after `migrate` to be the Consortium's site.

Idempotent and safe on a live database: each step adds what is missing, never removes an
administrator's additions, and says what it changed (a second run changes nothing):

- the locales of settings.LANGUAGES;
- the staff groups of SPEC §6 with their permissions (``consortium.staff.roles``; apps add
  theirs, such as membership's committee, with ``@setup_step``);
- the « Révision éditoriale » workflow on the tree's root, so on every language's pages,
  those created later included;
- Wagtail's own « Editors » and « Moderators » groups and its « Moderators approval »
  workflow removed when nobody uses them (Moderators may publish every page); reported
  when somebody does, for an administrator to decide;
- the tree's root and the root collection named « Racine » instead of Wagtail's « Root »;
- the default Site's hostname and port from WAGTAILADMIN_BASE_URL (links in workflow
  emails and absolute URLs outside a request).

Apps register their own steps in a ``setup`` module (found like ``admin`` modules are).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    Collection,
    Locale,
    Page,
    Site,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from consortium.bootstrap.steps import Steps
from consortium.messaging import sender
from consortium.staff import editorial_workflow, personal_information, roles

WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


@dataclass
class SetupReport:
    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def changed(self, what: str):
        self.changes.append(what)

    def warn(self, what: str):
        self.warnings.append(what)


_STEPS = Steps("setup_steps")
setup_step = _STEPS.register  # @setup_step(order) on ``function(report)``


def run_setup() -> SetupReport:
    """Every registered step, in order, in one transaction."""
    report = SetupReport()
    with transaction.atomic():
        for step in _STEPS.in_order():
            step(report)
    return report


@setup_step(10)
def ensure_locales(report: SetupReport):
    for code, _name in settings.LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.changed(f"locale {code}")


@setup_step(20)
def ensure_editorial_groups(report: SetupReport):
    for name in roles.ensure_editorial_groups():
        report.changed(f"group {name}")


@setup_step(30)
def remove_wagtail_defaults(report: SetupReport):
    """Wagtail's « Moderators approval » workflow and its « Editors »/« Moderators » groups:
    removed when nobody uses them, reported otherwise."""
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        if _workflow_in_use(workflow):
            report.warn(
                f"workflow « {workflow.name} » kept: reviews or pages below the root use it"
            )
            continue
        tasks = [link.task for link in workflow.workflow_tasks.select_related("task")]
        workflow.delete()  # with its WorkflowPage on the root
        for task in tasks:
            if not (task.workflow_tasks.exists() or TaskState.objects.filter(task=task).exists()):
                task.delete()
        report.changed(f"Wagtail's default workflow « {WAGTAIL_DEFAULT_WORKFLOW} » removed")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        members = group.user_set.count()
        if members:
            report.warn(f"Wagtail's group « {group.name} » kept: {members} account(s) in it")
            continue
        group.delete()
        report.changed(f"Wagtail's default group « {group.name} » removed")


def _workflow_in_use(workflow: Workflow) -> bool:
    return (
        WorkflowState.objects.filter(workflow=workflow).exists()
        or WorkflowPage.objects.filter(workflow=workflow, page__depth__gt=1).exists()
    )


@setup_step(40)
def ensure_editorial_workflow(report: SetupReport):
    workflow, created, assigned = editorial_workflow.ensure_editorial_workflow()
    if created:
        report.changed(f"workflow {workflow.name}")
    if assigned:
        report.changed(f"workflow {workflow.name} on every page")
    elif (current := Page.get_first_root_node().get_workflow()) != workflow:
        report.warn(
            f"the site's pages follow the workflow « {current.name} », not « {workflow.name} »"
        )


WAGTAIL_ROOT_TITLE = "Root"
ROOT_TITLE = "Racine"  # the tree's top, named in the staff's language (breadcrumbs, explorer)


@setup_step(50)
def name_the_tree_root(report: SetupReport):
    """Wagtail's migrations title the tree's root, and the root collection of images and
    documents, « Root »; staff read it in every breadcrumb and collection list of the admin.
    Renamed once; a name an administrator gave them is kept."""
    root = Page.get_first_root_node()
    if root is not None and root.title == WAGTAIL_ROOT_TITLE:
        root.title = root.draft_title = ROOT_TITLE
        root.save(update_fields=["title", "draft_title"])
        report.changed(f"the tree's root named « {ROOT_TITLE} »")
    collections = Collection.get_first_root_node()
    if collections is not None and collections.name == WAGTAIL_ROOT_TITLE:
        collections.name = ROOT_TITLE
        collections.save(update_fields=["name"])
        report.changed(f"the root collection of images and documents named « {ROOT_TITLE} »")


@setup_step(60)
def ensure_site_address(report: SetupReport):
    """The default Site answers at WAGTAILADMIN_BASE_URL's host and port."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=Page.get_first_root_node(), is_default_site=True
        )
        report.changed(f"site {hostname}:{port}")
    elif (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
        report.changed(f"site address {hostname}:{port}")


@setup_step(90)
def second_factor_for_personal_information(report: SetupReport):
    """After every app's groups: any group that can reach personal information signs in
    with a second factor (consortium.staff.personal_information; Loi 25)."""
    for name in personal_information.require_second_factor_where_needed():
        report.changed(f"second factor required for group {name}")


@setup_step(95)
def postal_address_of_the_offices(report: SetupReport):
    """CASL: warns while an office lacks its postal address (consortium.messaging.sender)."""
    if sender.missing_postal_address():
        report.warn(
            "an office has no full postal address: the newsletter's emails wait until the "
            "contact settings have one"
        )
