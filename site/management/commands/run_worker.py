"""`manage.py run_worker`: the task worker (django-tasks' ``db_worker``), kept alive through
a database outage.

``db_worker`` stops at the first database error it does not expect — a PostgreSQL restart,
a failover, a network cut — and the emails queued meanwhile would wait for someone to start
it again. This command runs it, and when the database does not answer, logs one line,
waits (1 s, doubling up to 30 s) and starts it again; queued tasks are picked up as soon as
the database is back. Options are ``db_worker``'s. Run it under a supervisor that restarts
it if the process itself dies (deploy/systemd/consortium-worker@.service).

Beside it, a thread takes up again the tasks of workers that died mid-task
(consortium.messaging.task_lease).
"""

import logging
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, connections

from consortium.messaging.task_lease import keep_reclaiming

logger = logging.getLogger(__name__)
MAX_PAUSE = 30.0


class Command(BaseCommand):
    help = "Run the task worker, waiting for the database when it does not answer."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, queue_name, interval, **options):
        stop = threading.Event()
        threading.Thread(target=keep_reclaiming, args=(stop,), daemon=True).start()
        try:
            self.work(queue_name, interval)
        finally:
            stop.set()

    def work(self, queue_name, interval):
        pause = 1.0
        while True:
            started = time.monotonic()
            try:
                call_command("db_worker", queue_name=queue_name, interval=interval)
                return  # stopped by a signal (SIGTERM, SIGINT): a clean exit
            except (DatabaseError, InterfaceError) as error:
                if time.monotonic() - started > MAX_PAUSE:
                    pause = 1.0  # it had been running: a new outage starts from 1 s
                logger.warning(
                    "Task worker: the database does not answer (%s); retrying in %.0f s",
                    type(error).__name__,
                    pause,
                )
                connections.close_all()
                time.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
