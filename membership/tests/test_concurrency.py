"""Parallel submissions against PostgreSQL: no duplicate reference, no lost application.

Threads submit at the same moment, each on its own database connection, as requests on
several app servers would; the references must be exactly ADH-YYYY-0001 … ADH-YYYY-NNNN.
"""

import threading
import time

import pytest
from django.db import connection
from django.utils import timezone

from membership.actions import submit_application
from membership.models import ConsentRecord, MembershipApplication, Notification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8
PER_THREAD = 10


def application_data(number: int) -> dict:
    return {
        "organisation_name": f"Coopérative {number}",
        "neq": f"{number:010d}",
        "legal_form": "worker-coop",
        "sector": "business",
        "region": "06",
        "street_address": "1, rue Principale",
        "city": "Montréal",
        "postal_code": "H2X 1Y4",
        "website": "",
        "member_count": 10,
        "employee_count": 3,
        "category": "Membre utilisateur",
        "contact_name": "Alex",
        "contact_role": "Directeur",
        "contact_email": f"alex{number}@example.org",
        "contact_phone": "+14185550100",
        "message": "",
        "newsletter": False,
        "directory_consent": True,
        "fields_of_interest": [],
        "attachments": [],
    }


def test_parallel_submissions_get_unique_consecutive_references(site_tree):
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(thread_number: int):
        try:
            barrier.wait()
            for index in range(PER_THREAD):
                submit_application(
                    application_data(thread_number * 100 + index),
                    language="fr",
                    policy_version="2026-1",
                )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    assert not errors, errors
    total = THREADS * PER_THREAD
    year = timezone.localdate().year
    references = sorted(MembershipApplication.objects.values_list("reference", flat=True))
    assert references == [f"ADH-{year}-{n:04d}" for n in range(1, total + 1)]
    assert ConsentRecord.objects.count() == total
    assert Notification.objects.filter(kind="acknowledgement").count() == total
    print(f"\n{total} parallel submissions from {THREADS} threads in {elapsed:.2f} s")
