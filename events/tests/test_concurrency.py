"""The last seat under concurrent registrations (PostgreSQL): eight people register at the
same moment for an event with three seats left; exactly three are confirmed, the others
wait, nobody is lost."""

import threading

import pytest
from django.db import connection

from events.actions import register
from events.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


def test_concurrent_registrations_never_overbook(make_event):
    event = make_event(capacity=3)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(number: int):
        try:
            barrier.wait()
            register(
                event,
                name=f"P{number}",
                organisation="",
                email=f"p{number}@example.org",
                language="fr",
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    states = sorted(Registration.objects.values_list("state", flat=True))
    assert states == ["confirmed"] * 3 + ["waiting"] * 5
