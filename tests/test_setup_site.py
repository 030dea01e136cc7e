"""`manage.py setup_site` on a migrated database: the roles of SPEC §6, the editorial
workflow on every page, Wagtail's defaults gone when unused, the site's address; a second
run changes nothing. (On a new PostgreSQL database with the production settings:
tests/system/test_fresh_production.py.)"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from assembly.permissions import CHAIR_GROUP
from assembly.setup_steps import CHAIR_PERMISSIONS
from consortium.caching import content_version
from consortium.staff import roles
from consortium.staff.editorial_workflow import WORKFLOW_NAME
from home.factories import HomePageFactory
from members.permissions import MEMBERS_GROUP
from membership.setup_steps import COMMITTEE_PERMISSIONS
from privacy.setup_steps import PRIVACY_OFFICER_PERMISSIONS
from services.setup_steps import SERVICES_PERMISSIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def wagtail_defaults(locales):
    """What Wagtail's migrations create (made again if a transactional test flushed it):
    the « Moderators » and « Editors » groups, « Moderators approval » on the root."""
    root = Page.get_first_root_node()
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    Group.objects.get_or_create(name="Editors")
    GroupPagePermission.objects.get_or_create(
        group=moderators,
        page=root,
        permission=Permission.objects.get(codename="publish_page"),
    )
    workflow, created = Workflow.objects.get_or_create(name="Moderators approval")
    if created:
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


NO_OFFICE_YET = (
    "  an office has no full postal address: the newsletter's emails wait until the contact "
    "settings have one\n"
)


def setup_site() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("setup_site", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def permissions(name: str) -> set[tuple[str, str]]:
    group = Group.objects.get(name=name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def state() -> dict:
    """Everything setup_site may touch, to compare two runs."""
    return {
        "groups": {group.name: permissions(group.name) for group in Group.objects.all()},
        "page_permissions": set(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")
        ),
        "workflows": set(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "tasks": set(WorkflowTask.objects.values_list("workflow__name", "task__name")),
        "sites": set(Site.objects.values_list("hostname", "port", "is_default_site")),
    }


@pytest.mark.usefixtures("wagtail_defaults")
def test_a_migrated_database_gets_the_roles_the_workflow_and_its_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://leconsortium.coop"
    out, err = setup_site()
    assert "group Rédaction" in out and "group Comité d'adhésion" in out, out
    # A new database has no office yet: CASL's postal address is asked for, nothing else.
    assert err == NO_OFFICE_YET
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {
        roles.EDITORS_GROUP,
        roles.COMMUNICATIONS_GROUP,
        roles.COMMITTEE_GROUP,
        roles.SERVICES_GROUP,
        roles.PRIVACY_OFFICER_GROUP,
        MEMBERS_GROUP,
        CHAIR_GROUP,
    }
    assert set(COMMITTEE_PERMISSIONS) == permissions(roles.COMMITTEE_GROUP)
    assert set(CHAIR_PERMISSIONS) == permissions(CHAIR_GROUP)
    assert set(SERVICES_PERMISSIONS) == permissions(roles.SERVICES_GROUP)
    assert set(PRIVACY_OFFICER_PERMISSIONS) == permissions(roles.PRIVACY_OFFICER_GROUP)
    assert set(roles.MODEL_PERMISSIONS[roles.COMMUNICATIONS_GROUP]) <= permissions(
        roles.COMMUNICATIONS_GROUP
    )
    page_permissions = {
        (name, codename)
        for name, codename in GroupPagePermission.objects.values_list(
            "group__name", "permission__codename"
        )
    }
    assert ("Rédaction", "publish_page") not in page_permissions
    assert ("Communications", "publish_page") in page_permissions
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()
    # Every page, in every language, those made later included, follows the review.
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW_NAME
    later = HomePageFactory(parent=root, slug="plus-tard")
    assert later.get_workflow().name == WORKFLOW_NAME
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("leconsortium.coop", 443)


@pytest.mark.usefixtures("wagtail_defaults")
def test_a_second_run_changes_nothing():
    setup_site()
    before = state()
    out, err = setup_site()
    assert out.strip() == "Site already set up: nothing changed." and err == NO_OFFICE_YET
    assert state() == before


def test_wagtail_defaults_in_use_are_kept_and_reported(wagtail_defaults, django_user_model):
    someone = django_user_model.objects.create_user("moderatrice")
    someone.groups.add(Group.objects.get(name="Moderators"))
    page = HomePageFactory(parent=Page.get_first_root_node(), slug="en-cours")
    page.save_revision(user=someone)
    wagtail_defaults.start(page, someone)  # a review under way
    assert WorkflowState.objects.filter(workflow=wagtail_defaults).exists()
    out, err = setup_site()
    assert "« Moderators » kept: 1 account(s)" in err
    assert "« Moderators approval » kept" in err
    assert "follow the workflow « Moderators approval »" in err
    assert "« Editors » removed" in out
    assert Group.objects.filter(name="Moderators").exists()
    assert Page.get_first_root_node().get_workflow() == wagtail_defaults
    # An administrator's additions to our groups stay.
    setup_site()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_an_administrators_additions_to_a_group_stay(locales):
    setup_site()
    group = Group.objects.get(name=roles.EDITORS_GROUP)
    extra = Group.objects.get(name=roles.COMMUNICATIONS_GROUP).permissions.exclude(
        pk__in=group.permissions.all()
    )[0]
    group.permissions.add(extra)
    setup_site()
    assert group.permissions.filter(pk=extra.pk).exists()


@pytest.mark.usefixtures("wagtail_defaults")
def test_each_run_renews_the_cache_version():
    """A release (or a restored database) never serves what the previous one cached."""
    setup_site()
    before = content_version.version()
    setup_site()
    assert content_version.version() != before
