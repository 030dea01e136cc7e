"""Events: the tree, upcoming and past around a fixed « now », the .ics and the feed read
by a real iCalendar parser, JSON-LD, registration (capacity, waiting list, single-use
cancellation, deadline, one registration per email), the general assembly's documents
and registration for members, queries constant in events and registrations."""

import datetime
import json
import re
import zoneinfo
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.actions import cancel
from events.actions import register as register_directly
from events.models import EventIndexPage, EventPage, Kind, Registration
from home.models import HomePage

pytestmark = pytest.mark.django_db

TORONTO = zoneinfo.ZoneInfo("America/Toronto")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def at(*args):
    return datetime.datetime(*args, tzinfo=TORONTO)


def strip_tokens(html: str) -> str:
    """A page without what differs per response (the CSRF token and the CSP nonce)."""
    return re.sub(r'(value|nonce)="[^"]+"', "", html)


def test_tree_rules(index):
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.allowed_subpage_models() == []
    assert not EventIndexPage.can_create_at(index.get_parent())


def test_upcoming_and_past_around_a_fixed_now(index, make_event):
    now = at(2026, 6, 1, 12)
    past = make_event(title="Passé", start=at(2026, 5, 1, 9), end=at(2026, 5, 1, 11))
    running = make_event(title="En cours", start=at(2026, 6, 1, 9), end=at(2026, 6, 1, 17))
    later = make_event(title="Plus tard", start=at(2026, 9, 1, 9), end=at(2026, 9, 1, 11))
    soon = make_event(title="Bientôt", start=at(2026, 6, 10, 9), end=at(2026, 6, 10, 11))
    assert list(index.upcoming(now)) == [running, soon, later]
    assert list(index.past(now)) == [past]


def test_an_event_needs_a_place_and_an_end_after_its_start(make_event):
    from django.core.exceptions import ValidationError

    event = make_event()
    event.location = event.online_url = ""
    with pytest.raises(ValidationError):
        event.full_clean()
    event.location = "Lévis"
    event.end = event.start
    with pytest.raises(ValidationError):
        event.full_clean()


def test_the_ics_and_the_feed_parse_with_their_time_zone(client, index, make_event):
    event = make_event(title="Formation", start=at(2027, 7, 15, 9), end=at(2027, 7, 15, 12))
    make_event(title="Ancien", start=at(2020, 1, 1, 9), end=at(2020, 1, 1, 10))
    response = client.get(f"{event.url}ics/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    start = vevent.decoded("DTSTART")
    assert start == at(2027, 7, 15, 9) and str(start.tzinfo) == "America/Toronto"
    assert vevent["DTSTART"].params["TZID"] == "America/Toronto"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "America/Toronto"
    assert str(vevent["SUMMARY"]) == "Formation"
    assert str(vevent["UID"]).startswith(f"event-{event.translation_key}@")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    feed = client.get(f"{index.url}ics/")
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")] == [
        "Formation"
    ]  # upcoming only
    # Each language's feed is named in it.
    assert feed["Content-Disposition"] == 'attachment; filename="evenements.ics"'
    english = client.get(f"{index.english.url}ics/")
    assert english["Content-Disposition"] == 'attachment; filename="events.ics"'


def test_the_page_describes_the_event_in_json_ld(client, make_event):
    event = make_event(
        start=at(2026, 7, 15, 9), end=at(2026, 7, 15, 12), online_url="https://visio.example.org/x"
    )
    data = json.loads(soup(client.get(event.url)).find("script", type="application/ld+json").string)
    assert data["@type"] == "Event" and data["startDate"] == "2026-07-15T09:00:00-04:00"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")


def test_registration_capacity_waiting_list_and_single_use_cancellation(
    client, make_event, register, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    assert register(event).status_code == 302
    first = Registration.objects.get()
    assert first.state == "confirmed"
    (confirmation,) = mail.outbox
    assert "est confirmée" in confirmation.body
    ics = next(a for a in confirmation.attachments if a[0].endswith(".ics"))
    assert ics[0] == f"{event.slug}.ics"
    assert "(heure du Québec)" in confirmation.body  # the time says whose it is
    assert Calendar.from_ical(ics[1]).walk("VEVENT")
    link = re.search(r"https?://\S+/annuler/\S+/", confirmation.body).group(0)

    # Full: the next one waits. The same email again is answered as anyone would be (the
    # event is full: « liste d'attente »), and its owner is reminded by email: the answer
    # tells nobody who registered.
    assert register(event, name="Deux", email="deux@example.org").status_code == 302
    second = Registration.objects.get(email="deux@example.org")
    assert second.state == "waiting" and "liste d’attente" in mail.outbox[-1].body
    client.get(event.url)  # the answers so far, read
    newcomer = client.get(register(event, name="Trois", email="trois@example.org").url)
    sent = len(mail.outbox)
    again = register(event)
    assert again.status_code == 302
    answer = client.get(again.url).content.decode()
    assert "liste d’attente" in answer
    assert strip_tokens(answer) == strip_tokens(newcomer.content.decode())
    (reminder,) = mail.outbox[sent:]
    assert reminder.to == ["jeanne@example.org"] and "déjà inscrite" in reminder.body
    assert Registration.objects.filter(email="jeanne@example.org").count() == 1
    register(event)  # within the hour: no second reminder
    assert len(mail.outbox) == sent + 1
    assert "L’événement est complet" in client.get(event.url).content.decode()

    # The link asks for a click (a mail scanner's GET cancels nothing), then works once.
    path = urlsplit(link).path
    page = client.get(path)
    assert page.status_code == 200 and "Annuler mon inscription" in page.content.decode()
    assert Registration.objects.get(pk=first.pk).state == "confirmed"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 200
    assert Registration.objects.get(pk=first.pk).state == "cancelled"
    assert Registration.objects.get(pk=second.pk).state == "confirmed"  # moved up
    assert {m.to[0] for m in mail.outbox} == {"jeanne@example.org", "deux@example.org"}
    promoted = next(m for m in mail.outbox if m.to == ["deux@example.org"])
    assert "Une place s’est libérée" in promoted.body and promoted.attachments
    assert client.post(path).status_code == 410  # used
    assert client.get(path.replace(path.split("/")[-2], "x" * 40)).status_code == 404


def test_past_the_rate_limit_the_form_comes_back_and_the_registration_is_held(
    make_event, register, settings
):
    """Each registration sends an email: one connection cannot send them by the hundred."""
    from consortium.models import HeldSubmission

    settings.EVENT_REGISTRATION_RATE_LIMIT = "2/h"
    event = make_event()
    assert register(event, email="a@example.org").status_code == 302
    assert register(event, email="b@example.org").status_code == 302
    mail.outbox.clear()
    response = register(event, name="Chloé Tremblay", email="c@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d’inscriptions" in html and "Chloé Tremblay" in html and "c@example.org" in html
    assert Registration.objects.count() == 2 and mail.outbox == []
    held = HeldSubmission.objects.get(form="event-registration")
    assert held.reason == HeldSubmission.Reason.RATE_LIMIT and held.data["email"] == "c@example.org"


def test_no_registration_after_the_deadline(client, make_event, register):
    event = make_event(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    assert "Les inscriptions sont fermées." in client.get(event.url).content.decode()
    response = register(event)
    assert response.status_code == 409 and not Registration.objects.exists()


def members_document(title="États financiers"):
    """A document in a collection restricted to « Membres » (as the demo's)."""
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Documents des membres")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Membres")[0])
    document = Document.objects.create(title=title, collection=collection)
    document.file.save("etats.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return document


def test_the_assemblys_documents_must_be_private(make_event):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    public = Document.objects.create(title="Public")
    public.file.save("public.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    aga = make_event(kind=Kind.GENERAL_ASSEMBLY)
    aga.documents = [("document", {"label": "Public", "document": public})]
    with pytest.raises(ValidationError) as error:
        aga.full_clean()
    assert "Documents des membres" in str(error.value)


def test_the_general_assembly_is_for_members_and_its_documents_for_their_contacts(
    client, make_event, register, member_contacts
):
    document = members_document()
    aga = make_event(
        kind=Kind.GENERAL_ASSEMBLY,
        agenda=[("item", "Élections")],
        documents=[("document", {"label": "États financiers", "document": document})],
    )
    public = soup(client.get(aga.url))
    assert "États financiers" not in [a.get_text() for a in public.select("a")]
    assert "Élections" in public.get_text()
    # The file itself is refused to the public (the collection's restriction).
    assert client.get(document.url).status_code in (302, 403)
    assert register(aga).status_code == 403 and not Registration.objects.exists()

    principal, other = member_contacts
    client.force_login(other.user)
    page = soup(client.get(aga.url))
    link = page.find("a", string="États financiers")
    assert link is not None  # a member's contact reads
    assert client.get(link["href"]).status_code == 200
    assert register(aga, email=other.email).status_code == 403  # only the principal registers
    client.force_login(principal.user)
    assert register(aga, email=principal.email).status_code == 302
    assert Registration.objects.get().email == principal.email


def test_the_english_page_registers_on_the_same_event(client, make_event, register, site_tree):
    from tests.fixtures.site import publish_translation

    event = make_event(capacity=1)
    english = publish_translation(event, site_tree.locales["en"], title="Meeting", slug="meeting")
    assert register(english).status_code == 302
    registration = Registration.objects.get()
    assert registration.event_id == event.pk and registration.language == "en"
    assert mail.outbox[0].body.startswith("Hello Jeanne Roy,")
    assert "/en/events/meeting/cancel/" in mail.outbox[0].body
    assert "full" in client.get(english.url).content.decode()


def test_queries_do_not_grow_with_events_and_registrations(client, index, make_event):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    event = make_event(capacity=500)
    for n in range(3):
        make_event()
        register_directly(
            event, name=f"P{n}", organisation="", email=f"p{n}@example.org", language="fr"
        )
    few = (count(index.url), count(event.url))
    for n in range(3, 40):
        make_event()
        register_directly(
            event, name=f"P{n}", organisation="", email=f"p{n}@example.org", language="fr"
        )
    assert (count(index.url), count(event.url)) == few


def test_attendees_are_anonymised_after_the_retention_period(make_event):
    from io import StringIO

    from django.core.management import call_command

    old = make_event(start=at(2025, 1, 10, 9), end=at(2025, 1, 10, 11))
    Registration.objects.create(
        event=old,
        state="confirmed",
        name="Ancienne",
        email="a@example.org",
        language="fr",
        consent_given_at=timezone.now(),
    )
    recent = make_event()
    kept = register_directly(
        recent, name="Récente", organisation="", email="r@example.org", language="fr"
    ).registration
    out = StringIO()
    call_command("anonymise_event_registrations", "--dry-run", stdout=out)
    assert "1 registration(s) would be anonymised" in out.getvalue()
    call_command("anonymise_event_registrations", stdout=out)
    gone = Registration.objects.get(event=old)
    assert (gone.name, gone.email, gone.anonymised_at is not None) == ("—", "", True)
    assert Registration.objects.get(pk=kept.pk).email == "r@example.org"
    cancel(kept)
    assert Registration.objects.get(pk=kept.pk).state == "cancelled"
