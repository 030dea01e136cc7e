"""A dead worker's task is taken up again, and its email is not sent twice (issue #32):
consortium.messaging.task_lease and the outbox's record of an attempt before sending."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from consortium.messaging import outbox
from consortium.messaging.outbox import OutboxEmail
from consortium.messaging.task_lease import reclaim
from members.factories import MemberFactory
from members.models import MemberContact, MemberEmail

pytestmark = pytest.mark.django_db


def task(status: str, started_minutes_ago: float | None) -> DBTaskResult:
    started = (
        None
        if started_minutes_ago is None
        else timezone.now() - datetime.timedelta(minutes=started_minutes_ago)
    )
    return DBTaskResult.objects.create(
        task_path="consortium.messaging.outbox.send_email",
        args_kwargs={"args": ["members.memberemail", 1], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=50,
        status=status,
        run_after=timezone.now(),
        started_at=started,
        worker_ids=["dead-worker"] if started else [],
    )


def test_a_task_running_past_its_lease_goes_back_to_the_queue():
    dead = task("RUNNING", started_minutes_ago=5)
    alive = task("RUNNING", started_minutes_ago=0.1)
    done = task("SUCCESSFUL", started_minutes_ago=10)
    assert reclaim(lease_seconds=90) == 1
    dead.refresh_from_db(), alive.refresh_from_db(), done.refresh_from_db()
    assert (dead.status, dead.started_at) == ("READY", None)
    assert alive.status == "RUNNING" and done.status == "SUCCESSFUL"
    assert reclaim(lease_seconds=90) == 0


def test_guard_django_tasks_db_still_has_no_lease_of_its_own():
    """Delete consortium.messaging.task_lease when upstream leases or beats itself."""
    names = {field.name for field in DBTaskResult._meta.get_fields()}
    assert not names & {"lease", "leased_until", "heartbeat", "heartbeat_at", "expires_at"}


@pytest.fixture
def row(site_tree):
    member = MemberFactory()
    contact = MemberContact.objects.create(
        member=member, name="Camille", email="camille@example.org", is_principal=True
    )
    return MemberEmail.objects.create(
        kind=MemberEmail.Kind.CORRECTION,
        recipient="comite@example.org",
        language="fr",
        member=member,
        contact=contact,
        data={"field": "name", "from": member.name, "requested": "Coop", "reason": "NEQ"},
    )


def test_a_row_interrupted_while_being_sent_is_not_sent_again(row, mailoutbox):
    """The worker died after the attempt was recorded (the mail server may have the
    message): taken up again, the row is marked uncertain, and nothing is sent."""
    MemberEmail.objects.filter(pk=row.pk).update(state=OutboxEmail.State.SENDING, attempts=1)
    assert outbox.deliver(MemberEmail, row.pk) is False
    row.refresh_from_db()
    assert row.state == OutboxEmail.State.UNCERTAIN and "not sent again" in row.last_error
    assert mailoutbox == []
    assert outbox.deliver(MemberEmail, row.pk) is False and mailoutbox == []


def test_a_row_is_sent_once_and_its_attempt_recorded(row, mailoutbox):
    assert outbox.deliver(MemberEmail, row.pk) is True
    row.refresh_from_db()
    assert (row.state, row.attempts) == (OutboxEmail.State.SENT, 1)
    assert outbox.deliver(MemberEmail, row.pk) is True
    assert len(mailoutbox) == 1 and mail.outbox[0].to == ["comite@example.org"]
