"""A task whose worker died is taken up again (SPEC §13: never left « running »).

django-tasks' database queue marks a task RUNNING when a worker claims it and SUCCESSFUL
or FAILED when it ends; a worker killed in between (a deploy, the OOM killer, a reboot)
leaves it RUNNING for ever, and the email it carried is never sent. django-tasks-db has no
lease or heartbeat (a gap; guarded by ``tests/test_task_lease.py``), so every worker runs
``reclaim`` every ``TASK_RECLAIM_SECONDS``: a task RUNNING for longer than
``TASK_LEASE_SECONDS`` goes back to READY, and a worker takes it up. Every task of this
site is short (an email, an API call, an index update: seconds); the lease is far longer.
Taking a task up again is safe: the outbox sends a row at most once (``outbox.deliver``).
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def reclaim(lease_seconds: float | None = None) -> int:
    """Put back in the queue the tasks RUNNING for longer than the lease; how many."""
    lease = settings.TASK_LEASE_SECONDS if lease_seconds is None else lease_seconds
    cutoff = timezone.now() - datetime.timedelta(seconds=lease)
    count = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("Task lease: %s task(s) whose worker stopped taken up again", count)
    return count


def keep_reclaiming(stop: threading.Event) -> None:
    """``reclaim`` every TASK_RECLAIM_SECONDS until ``stop`` is set (a worker's thread)."""
    while not stop.wait(settings.TASK_RECLAIM_SECONDS):
        try:
            reclaim()
        except (DatabaseError, InterfaceError):
            pass  # the database is away: the worker itself waits for it
        finally:
            connection.close()
