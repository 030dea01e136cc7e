"""Emails a person waits for go first (issue #32): a sign-in link, a confirmation or an
acknowledgement is never queued behind bulk work — Wagtail's search index updates as
``build_demo`` or a bulk publish queues them by the hundred, the newsletter provider's
calls. On the real database queue and its worker (django-tasks' ``db_worker``)."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from consortium.messaging.mail import BULK, PERSON_WAITS
from consortium.messaging.outbox import priority_of
from members.emails import request_sign_in
from membership.models import Notification
from newsletter.models import NewsletterEmail, ProviderCall

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_a_sign_in_link_goes_before_a_backlog_of_index_updates(database_queue, site_tree):
    already = DBTaskResult.objects.count()  # the fixture's pages queued their own updates
    for _ in range(300):
        insert_or_update_object_task.enqueue("wagtailcore", "page", site_tree.fr_home.pk)
    request_sign_in.enqueue("personne@example.org", "fr")
    assert DBTaskResult.objects.count() == already + 301

    call_command("db_worker", batch=True, max_tasks=1, no_startup_delay=True, interval=0)

    done = DBTaskResult.objects.exclude(status="READY")
    assert [row.task_path for row in done] == ["members.emails.request_sign_in"]
    assert done.get().status == "SUCCESSFUL"


def test_outbox_rows_are_queued_by_what_waits_on_them():
    assert priority_of(Notification) == priority_of(NewsletterEmail) == PERSON_WAITS
    assert priority_of(ProviderCall) == BULK < 0 < PERSON_WAITS
