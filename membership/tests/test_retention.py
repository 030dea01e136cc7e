"""Retention (Loi 25): `anonymise_applications` anonymises refused and withdrawn
applications closed for longer than the period, deletes their files, and leaves the rest."""

import datetime
from io import StringIO

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from membership.actions import add_note, change_status
from membership.choices import Status
from membership.models import Attachment, InternalNote, MembershipApplication, Notification
from membership.retention import due_for_anonymisation, months_before
from membership.tests.conftest import pdf

pytestmark = pytest.mark.django_db


def test_months_before_counts_calendar_months():
    moment = datetime.datetime(2026, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 24) == datetime.datetime(2024, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 25) == datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 3) == datetime.datetime(2025, 12, 31, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def closed(make_application, committee_user, django_capture_on_commit_callbacks):
    """Five applications: refused 25 months ago (with a file, a note, emails), withdrawn
    25 months ago, refused 23 months ago, approved 30 months ago, open 30 months ago."""

    def close(number, target, months_ago, files=()):
        application = make_application(number, attachments=list(files))
        with django_capture_on_commit_callbacks(execute=True):
            if target == Status.REFUSED:
                change_status(application, Status.IN_REVIEW, user=committee_user)
                change_status(
                    application, target, user=committee_user, note="Hors Québec", share_note=True
                )
            elif target == Status.APPROVED:
                change_status(application, Status.IN_REVIEW, user=committee_user)
                change_status(application, target, user=committee_user)
            elif target == Status.WITHDRAWN:
                change_status(application, target, user=committee_user)
        moment = timezone.now() - datetime.timedelta(days=months_ago * 31)
        MembershipApplication.objects.filter(pk=application.pk).update(
            submitted_at=moment, status_changed_at=moment if target != Status.SUBMITTED else None
        )
        return application

    old_refused = close(1, Status.REFUSED, 25, files=[pdf("statuts.pdf")])
    add_note(old_refused, committee_user, "Le directeur a appelé.")
    return {
        "old_refused": old_refused,
        "old_withdrawn": close(2, Status.WITHDRAWN, 25),
        "recent_refused": close(3, Status.REFUSED, 23),
        "old_approved": close(4, Status.APPROVED, 30),
        "old_open": close(5, Status.SUBMITTED, 30),
    }


def command(*args) -> str:
    out = StringIO()
    call_command("anonymise_applications", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_and_changes_nothing(closed):
    before = list(MembershipApplication.objects.order_by("pk").values())
    output = command("--dry-run")
    assert f"would anonymise {closed['old_refused'].reference}" in output
    assert f"would anonymise {closed['old_withdrawn'].reference}" in output
    assert closed["recent_refused"].reference not in output
    assert "2 application(s) would be anonymised (older than 24 months)." in output
    assert list(MembershipApplication.objects.order_by("pk").values()) == before
    assert Attachment.objects.count() == 1


def test_anonymise_removes_personal_data_files_and_log_details(
    closed, django_capture_on_commit_callbacks
):
    refused = closed["old_refused"]
    stored_name = refused.attachments.get().file.name
    assert storages["private"].exists(stored_name)
    with django_capture_on_commit_callbacks(execute=True):
        output = command()
    assert "2 application(s) anonymised" in output
    refused.refresh_from_db()
    assert refused.anonymised_at is not None
    assert refused.organisation_name == "—"
    for name in ("neq", "contact_name", "contact_email", "street_address", "postal_code"):
        assert getattr(refused, name) == "", name
    assert str(refused.contact_phone or "") == ""
    # What statistics need stays.
    assert (refused.reference, refused.status, refused.region) == (
        closed["old_refused"].reference,
        Status.REFUSED,
        "06",
    )
    assert not Attachment.objects.filter(application=refused).exists()
    assert not storages["private"].exists(stored_name)
    assert not InternalNote.objects.filter(application=refused).exists()
    assert not Notification.objects.filter(application=refused).exists()
    for entry in ModelLogEntry.objects.for_instance(refused):
        assert entry.label == refused.reference
        assert entry.data.get("note", "") == ""
    # The others are untouched, and a second run has nothing to do.
    for key in ("recent_refused", "old_approved", "old_open"):
        application = MembershipApplication.objects.get(pk=closed[key].pk)
        assert application.anonymised_at is None
        assert application.organisation_name == closed[key].organisation_name
    assert "0 application(s) anonymised" in command()


def test_the_period_is_configurable(closed):
    due = {application.pk for application in due_for_anonymisation(22)}
    assert closed["recent_refused"].pk in due and len(due) == 3
    assert "3 application(s) would be anonymised (older than 22 months)." in command(
        "--months", "22", "--dry-run"
    )
