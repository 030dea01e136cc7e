"""The « Révision éditoriale » workflow (SPEC §6): every page of the site, in both
languages, goes through an EditorialReviewTask held by Communications before it is live.

Rédaction saves drafts and submits them; Communications approves (publishing the page,
or scheduling it when a go-live date is set) or requests changes with a comment; nobody
approves their own last edit (consortium.models.workflow). Wagtail emails the reviewers
when a page is submitted and the author when it is approved or sent back.
"""

from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from consortium.models import EditorialReviewTask
from consortium.staff.roles import COMMUNICATIONS_GROUP

WORKFLOW_NAME = "Révision éditoriale"
TASK_NAME = "Révision par les Communications"


def ensure_editorial_workflow() -> tuple[Workflow, bool, bool]:
    """The workflow with its task, assigned to the tree's root (so to every language's
    pages, later ones included) unless the root already has a workflow (an administrator's
    choice, or Wagtail's default still in use: ``consortium.bootstrap.site_setup`` reports
    it); returns (workflow, created, assigned)."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = EditorialReviewTask.objects.create(name=TASK_NAME)
        task.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    _link, assigned = WorkflowPage.objects.get_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    return workflow, created, assigned
