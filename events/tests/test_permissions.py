"""« Inscriptions aux événements »: Communications and administrators read and export the
attendees; the other groups get nothing; nobody edits a registration."""

import pytest
from django.utils import timezone

from consortium.staff import roles
from events.models import Registration
from tests.fixtures.roles import body

pytestmark = pytest.mark.django_db

LISTING = "/admin/event-registrations/"
ALLOWED = {roles.COMMUNICATIONS_GROUP, "administrator"}


@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        roles.EDITORS_GROUP,
        roles.COMMUNICATIONS_GROUP,
        roles.COMMITTEE_GROUP,
        roles.SERVICES_GROUP,
        "administrator",
    ],
)
def test_each_role_on_the_attendees(client, as_role, make_event, role):
    event = make_event()
    registration = Registration.objects.create(
        event=event,
        state="confirmed",
        name="Jeanne Roy",
        email="jeanne@example.org",
        language="fr",
        consent_given_at=timezone.now(),
    )
    as_role(role)
    for url in (LISTING, f"{LISTING}?export=csv", f"{LISTING}inspect/{registration.pk}/"):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
            assert b"Jeanne Roy" in body(response), url
        else:
            assert response.status_code in (302, 403), url
            assert b"Jeanne Roy" not in body(response), url
    for url in (f"{LISTING}edit/{registration.pk}/", f"{LISTING}delete/{registration.pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url


def test_the_export_reads_in_french(client, as_role, make_event):
    event = make_event(title="Formation")
    Registration.objects.create(
        event=event,
        state="waiting",
        name="Jeanne Roy",
        email="jeanne@example.org",
        language="fr",
        consent_given_at=timezone.now(),
    )
    as_role(roles.COMMUNICATIONS_GROUP)
    content = body(client.get(LISTING, {"export": "csv"})).decode("utf-8-sig")
    assert "En liste d’attente" in content and "Formation" in content


def test_what_the_anti_spam_field_held_is_read_by_those_who_read_attendees(
    client, as_role, make_event, register
):
    from consortium.models import HeldSubmission

    event = make_event()
    assert register(event, nickname="robot").status_code == 302
    held = HeldSubmission.objects.get(form="event-registration")
    assert held.data["email"] == "jeanne@example.org" and not Registration.objects.exists()
    as_role(roles.COMMUNICATIONS_GROUP)
    listing = client.get("/admin/held-event-registrations/")
    assert listing.status_code == 200 and b"jeanne@example.org" in body(listing)
    as_role(roles.SERVICES_GROUP)
    assert client.get("/admin/held-event-registrations/").status_code in (302, 403)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_attendees_export_queries_do_not_grow_with_registrations(
    client, as_role, make_event, export
):
    """The event's title is read with each row; no page is built per row (issue #36)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def registrations(number: int, start: int):
        for index in range(start, start + number):
            Registration.objects.create(
                event=make_event(title=f"Événement {index}"),
                state="confirmed",
                name=f"Personne {index}",
                email=f"p{index}@example.org",
                language="fr",
                consent_given_at=timezone.now(),
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            content = body(client.get(LISTING, {"export": export}))
        assert content
        return len(queries)

    as_role(roles.COMMUNICATIONS_GROUP)
    registrations(2, 0)
    few = count()
    registrations(20, 2)
    # Count the event pages Django builds from the database while the export runs.
    from events.models import EventPage

    built = []
    from_db = EventPage.from_db.__func__

    def counting_from_db(cls, *args, **kwargs):
        built.append(cls)
        return from_db(cls, *args, **kwargs)

    EventPage.from_db = classmethod(counting_from_db)
    try:
        assert count() == few
    finally:
        del EventPage.from_db
    assert built == []
    csv = body(client.get(LISTING, {"export": "csv"})).decode("utf-8-sig")
    assert "Événement 21" in csv and "Personne 21" in csv
