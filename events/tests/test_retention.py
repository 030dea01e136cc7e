"""Attendees' data leaves after the retention period, whatever the number of
registrations per event, and a row that cannot be anonymised holds back only itself: the
others are done, the anonymisation log counts them, and the command fails naming the row
(SPEC §13, issue #32)."""

import datetime
import zoneinfo
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from consortium.models import AnonymisationRecord
from events.actions import register
from events.models import Registration, RegistrationEmail

pytestmark = pytest.mark.django_db
TORONTO = zoneinfo.ZoneInfo("America/Toronto")


def at(*args):
    return datetime.datetime(*args, tzinfo=TORONTO)


@pytest.fixture
def ended(make_event):
    """An event held in January 2025 with three people registered, one of whom cancelled
    then registered again, and an email sent to each."""
    event = make_event(start=at(2025, 1, 10, 9), end=at(2025, 1, 10, 11))
    people = []
    for name, email in [
        ("Anne Roy", "anne@example.org"),
        ("Bruno Côté", "bruno@example.org"),
        ("Chloé Gagnon", "chloe@example.org"),
    ]:
        people.append(
            Registration.objects.create(
                event=event,
                state="confirmed",
                name=name,
                organisation="Coop",
                email=email,
                language="fr",
                consent_given_at=timezone.now(),
            )
        )
    Registration.objects.create(
        event=event,
        state="cancelled",
        name="Anne Roy",
        email="anne@example.org",
        language="fr",
        consent_given_at=timezone.now(),
    )
    for person in people:
        RegistrationEmail.objects.create(
            registration=person, kind="confirmed", recipient=person.email, language="fr"
        )
    return event


def test_every_registration_of_an_ended_event_is_anonymised(ended, make_event):
    upcoming = make_event()
    kept = register(
        upcoming, name="Dora", organisation="", email="dora@example.org", language="fr"
    ).registration
    out = StringIO()
    call_command("anonymise_event_registrations", stdout=out)

    assert "4 registration(s) anonymised" in out.getvalue()
    rows = Registration.objects.filter(event=ended)
    assert rows.count() == 4
    assert set(rows.values_list("name", "organisation", "email")) == {("—", "", "")}
    assert not rows.filter(anonymised_at__isnull=True).exists()
    assert not RegistrationEmail.objects.filter(registration__event=ended).exists()
    assert Registration.objects.get(pk=kept.pk).email == "dora@example.org"
    record = AnonymisationRecord.objects.get(command="anonymise_event_registrations")
    assert record.count == 4
    # The next night finds nothing left to do, and says so in the log.
    call_command("anonymise_event_registrations", stdout=out)
    assert AnonymisationRecord.objects.filter(count=0).count() == 1


@pytest.mark.postgres
def test_a_registration_that_fails_holds_back_only_itself(ended):
    """On the real database, a trigger refuses to change one row (as a lock timeout or a
    corrupt row would): the three others are anonymised and counted in the log, and the
    command exits with an error naming the row that is left."""
    blocked = Registration.objects.get(event=ended, name="Bruno Côté")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            CREATE FUNCTION refuse_one_row() RETURNS trigger AS $$
            BEGIN
                IF OLD.id = {blocked.pk:d} THEN RAISE EXCEPTION 'row refused: %', OLD.id; END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_one_row BEFORE UPDATE ON events_registration
                FOR EACH ROW EXECUTE FUNCTION refuse_one_row();
            """
        )
    try:
        err = StringIO()
        with pytest.raises(CommandError, match="1 item"):
            call_command("anonymise_event_registrations", stdout=StringIO(), stderr=err)
        assert f"#{blocked.pk}" in err.getvalue()
        rows = Registration.objects.filter(event=ended)
        assert rows.filter(anonymised_at__isnull=True).get().pk == blocked.pk
        assert rows.filter(anonymised_at__isnull=False).count() == 3
        assert AnonymisationRecord.objects.get(command="anonymise_event_registrations").count == 3
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TRIGGER refuse_one_row ON events_registration;"
                " DROP FUNCTION refuse_one_row();"
            )
