"""Retention (Loi 25): `anonymise_service_requests` anonymises completed and dropped
requests closed for longer than the period (consortium.cases.retention, as for applications),
deletes their files, and leaves open and recent ones."""

import datetime
from io import StringIO

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from services import actions
from services.choices import Status
from services.models import Attachment, InternalNote, Notification, ServiceRequest
from services.tests.conftest import pdf

pytestmark = pytest.mark.django_db

TO_COMPLETED = [
    Status.QUALIFIED,
    Status.ASSIGNED,
    Status.OFFER_SENT,
    Status.IN_PROGRESS,
    Status.COMPLETED,
]


@pytest.fixture
def closed(make_request, django_capture_on_commit_callbacks, django_user_model):
    holder = django_user_model.objects.create_user("sam", first_name="Sam")

    def close(number, steps, months_ago, files=()):
        service_request = make_request(number, attachments=list(files))
        with django_capture_on_commit_callbacks(execute=True):
            for target in steps:
                if target == Status.ASSIGNED:
                    actions.assign(service_request, holder, by=holder)
                note = "Hors de nos champs" if target == Status.DROPPED else ""
                service_request = actions.change_status(
                    service_request, target, note=note, share_note=True
                )
        moment = timezone.now() - datetime.timedelta(days=months_ago * 31)
        ServiceRequest.objects.filter(pk=service_request.pk).update(
            submitted_at=moment, status_changed_at=moment if steps else None
        )
        return service_request

    old_completed = close(1, TO_COMPLETED, 25, files=[pdf("devis.pdf")])
    actions.add_note(old_completed, None, "La directrice a rappelé.")
    return {
        "old_completed": old_completed,
        "old_dropped": close(2, [Status.DROPPED], 26),
        "recent_completed": close(3, TO_COMPLETED, 23),
        "old_open": close(4, [Status.QUALIFIED, Status.ASSIGNED], 30),
    }


def test_closed_requests_past_the_period_are_anonymised_and_nothing_else(
    closed, django_capture_on_commit_callbacks
):
    stored = closed["old_completed"].attachments.get().file.name
    assert storages["private"].exists(stored)
    out = StringIO()
    call_command("anonymise_service_requests", "--dry-run", stdout=out)
    assert "2 service request(s) would be anonymised" in out.getvalue()
    assert ServiceRequest.objects.filter(anonymised_at__isnull=False).count() == 0

    with django_capture_on_commit_callbacks(execute=True):  # the files go after the commit
        call_command("anonymise_service_requests", stdout=out)
    for key in ("old_completed", "old_dropped"):
        service_request = ServiceRequest.objects.get(pk=closed[key].pk)
        assert service_request.anonymised_at is not None
        assert service_request.organisation_name == "—"
        assert (service_request.contact_name, service_request.contact_email) == ("", "")
        assert (service_request.need, service_request.neq, str(service_request.contact_phone)) == (
            "",
            "",
            "",
        )
        # What statistics need stays: reference, status, region, fields, timeframe.
        assert service_request.reference == closed[key].reference
        assert service_request.region == "06" and service_request.expertise_fields.exists()
        for entry in ModelLogEntry.objects.for_instance(service_request):
            assert entry.label == service_request.reference
            assert not (entry.data or {}).get("note")
    assert not Attachment.objects.exists() and not storages["private"].exists(stored)
    assert not InternalNote.objects.exists()
    assert not Notification.objects.filter(service_request__anonymised_at__isnull=False).exists()
    for key in ("recent_completed", "old_open"):
        kept = ServiceRequest.objects.get(pk=closed[key].pk)
        assert kept.anonymised_at is None and kept.contact_email.startswith("alex")
    # A second run has nothing left to do.
    out = StringIO()
    call_command("anonymise_service_requests", stdout=out)
    assert "0 service request(s) anonymised" in out.getvalue()


def test_the_period_is_configurable(closed, settings):
    out = StringIO()
    call_command("anonymise_service_requests", "--months", "22", "--dry-run", stdout=out)
    assert "3 service request(s) would be anonymised (older than 22 months)" in out.getvalue()
