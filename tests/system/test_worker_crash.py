"""A worker killed while it sends an email (SPEC §13, issue #32), with real processes: a
``run_worker`` on the test database, a local SMTP server (aiosmtpd) that counts what
arrives and holds its answer, SIGKILL while the server holds it. The message arrived
once; a second worker takes the task up again within its lease, sends nothing twice,
marks the row « uncertain », and no task is left running."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from tests.processes import free_port, production_env
from tests.production_stack import database_url

pytestmark = [pytest.mark.postgres, pytest.mark.system, pytest.mark.django_db(transaction=True)]


class SlowCountingHandler:
    """Keeps every message it is given, then holds its « 250 OK » for a few seconds."""

    def __init__(self):
        self.arrived: list[bytes] = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        import asyncio

        self.arrived.append(envelope.content)
        self.received.set()
        await asyncio.sleep(5)
        return "250 OK"


def worker(lease: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        env=production_env(
            DATABASE_URL=database_url(),
            EMAIL_URL=f"smtp://127.0.0.1:{SMTP_PORT}",
            LOG_LEVEL="WARNING",
            TASK_LEASE_SECONDS=lease,
            TASK_RECLAIM_SECONDS="0.5",
        ),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


SMTP_PORT = free_port()


def test_a_worker_killed_mid_send_sends_the_email_once(site_tree, settings):
    from django_tasks_db.models import DBTaskResult

    from consortium.messaging import outbox
    from members.factories import MemberFactory
    from members.models import MemberContact, MemberEmail

    handler = SlowCountingHandler()
    smtp = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    smtp.start()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    member = MemberFactory()
    contact = MemberContact.objects.create(
        member=member, name="Camille", email="camille@example.org", is_principal=True
    )
    row = outbox.queue(
        MemberEmail,
        kind=MemberEmail.Kind.CORRECTION,
        recipient="comite@example.org",
        language="fr",
        member=member,
        contact=contact,
        data={"field": "name", "from": member.name, "requested": "Coop", "reason": "NEQ"},
    )
    first = worker(lease="3")
    second = None
    try:
        assert handler.received.wait(60), "the first worker never reached the mail server"
        os.killpg(first.pid, signal.SIGKILL)  # mid-send: the server holds its answer
        first.wait(timeout=10)
        task = DBTaskResult.objects.get(task_path="consortium.messaging.outbox.send_email")
        assert task.status == "RUNNING"  # what a dead worker leaves behind

        second = worker(lease="3")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            task.refresh_from_db()
            if task.status != "RUNNING" and task.status != "READY":
                break
            time.sleep(0.3)
        assert task.status == "SUCCESSFUL"
        row.refresh_from_db()
        assert row.state == "uncertain"
        # Nothing stays « running »: what the second worker takes up after the email (a
        # follow-up it queued) ends too; the dead worker's task is not left behind.
        deadline = time.monotonic() + 30
        running = DBTaskResult.objects.filter(status="RUNNING")
        while running.exists() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert not running.exists(), list(running.values_list("task_path", "worker_ids"))
        time.sleep(1)
        assert len(handler.arrived) == 1
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.communicate(timeout=30)
        smtp.stop()
