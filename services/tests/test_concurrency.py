"""Parallel requests against PostgreSQL: no duplicate reference, no lost request.

Threads submit at the same moment, each on its own database connection, as requests on
several app servers would; the references must be exactly DS-YYYY-0001 … DS-YYYY-NNNN,
independent of the membership series (ADH-…)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from services.actions import submit_request
from services.models import ConsentRecord, Notification, ServiceRequest
from services.tests.conftest import request_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8
PER_THREAD = 8


def test_parallel_requests_get_unique_consecutive_references(service_page):
    field = service_page.fields[0]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(thread_number: int):
        try:
            barrier.wait()
            for index in range(PER_THREAD):
                submit_request(
                    request_data(thread_number * 100 + index, [field]),
                    language="fr",
                    policy_version="2026-1",
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
    total = THREADS * PER_THREAD
    year = timezone.localdate().year
    references = sorted(ServiceRequest.objects.values_list("reference", flat=True))
    assert references == [f"DS-{year}-{n:04d}" for n in range(1, total + 1)]
    assert ConsentRecord.objects.count() == total
    # Each request: its acknowledgement and its team's notification, once.
    assert Notification.objects.count() == 2 * total
