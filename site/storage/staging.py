"""Files staged in the database while object storage does not answer.

A person who sends a form with files while the store is unreachable gets the usual
confirmation: each file is kept in a :class:`~consortium.models.StagedFile` row, in the
same transaction as what it belongs to, under the name it will have in the store; the
site reads it from there meanwhile (a committee download works), and
:func:`move_staged_files` (a task queued with the file, retried while the store is still
down, and the ``move_staged_files`` command in the scheduled jobs) writes it to the store
and deletes the row. Files are at most 10 MB (consortium.intake.uploads), so a PostgreSQL
row holds them.
"""

import datetime
import logging
from typing import Any

from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends

from .errors import STORE_ERRORS

logger = logging.getLogger(__name__)

RETRY_SECONDS = 60


def _rows() -> Any:
    from consortium.models import StagedFile

    return StagedFile.objects


def stage(alias: str, name: str, data: bytes) -> None:
    _rows().update_or_create(storage=alias, name=name, defaults={"content": data})
    logger.warning("object storage unreachable: %s staged in the database", name)
    _try_again_later()


def _try_again_later() -> None:
    """Queues the move for in a minute; a backend that runs tasks at once (development)
    cannot wait, and leaves it to the scheduled command."""
    if task_backends[move_staged_files.backend].supports_defer:
        move_staged_files.using(
            run_after=timezone.now() + datetime.timedelta(seconds=RETRY_SECONDS)
        ).enqueue()


def staged_content(alias: str, name: str) -> bytes | None:
    row = _rows().filter(storage=alias, name=name).values_list("content", flat=True).first()
    return bytes(row) if row is not None else None


def is_staged(alias: str, name: str) -> bool:
    return _rows().filter(storage=alias, name=name).exists()


def unstage(alias: str, name: str) -> None:
    _rows().filter(storage=alias, name=name).delete()


def move_all() -> tuple[int, int]:
    """Moves every staged file to its store; returns (moved, still staged)."""
    moved = waiting = 0
    for pk in list(_rows().values_list("pk", flat=True)):
        with transaction.atomic():
            row = _rows().select_for_update(skip_locked=True).filter(pk=pk).first()
            if row is None:
                continue  # another worker has it, or it was deleted
            try:
                storage: Any = storages[row.storage]  # a consortium.storage.objects.PrivateStorage
                storage.upload_staged(row.name, bytes(row.content))
            except STORE_ERRORS as error:
                row.attempts += 1
                row.save(update_fields=["attempts"])
                logger.warning("%s still waits for object storage: %s", row.name, error)
                waiting += 1
                continue
            row.delete()
            moved += 1
    return moved, waiting


@task()
def move_staged_files() -> int:
    moved, waiting = move_all()
    if waiting:
        _try_again_later()
    return moved
