"""Following a request up: the statuses and only the allowed transitions, each in the audit
log; assignment and notes; the requester's emails at « Offre envoyée » and at the end;
« Inviter à adhérer »; the listing, its filters, search, exports and queries."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from consortium.bootstrap.site_setup import run_setup
from consortium.cases.handling import TransitionNotAllowed
from consortium.staff import roles
from membership.factories import MembershipPageFactory
from services import actions
from services.choices import Status
from services.models import ServiceRequest
from services.workflow import STATUS_CHANGED, WORKFLOW

pytestmark = pytest.mark.django_db

LISTING = "/admin/service-requests/"
HAPPY_PATH = [
    Status.QUALIFIED,
    Status.ASSIGNED,
    Status.OFFER_SENT,
    Status.IN_PROGRESS,
    Status.COMPLETED,
]


@pytest.fixture
def services_client(client, django_user_model, site_tree):
    run_setup()
    user = django_user_model.objects.create_user(
        "services", email="services@consortium.example", password="x", first_name="Sam"
    )
    user.groups.add(Group.objects.get(name=roles.SERVICES_GROUP))
    client.force_login(user)
    client.user = user
    return client


def test_the_transition_table(site_tree):
    assert WORKFLOW.allowed(Status.RECEIVED) == [Status.QUALIFIED, Status.DROPPED]
    assert WORKFLOW.allowed(Status.OFFER_SENT) == [Status.IN_PROGRESS, Status.DROPPED]
    assert WORKFLOW.allowed(Status.COMPLETED) == [] and WORKFLOW.allowed(Status.DROPPED) == []
    # Every open status can end « Sans suite »; nothing skips a step.
    for status in [Status.RECEIVED, Status.QUALIFIED, Status.ASSIGNED, Status.IN_PROGRESS]:
        assert Status.DROPPED in WORKFLOW.allowed(status)
    assert Status.OFFER_SENT not in WORKFLOW.allowed(Status.RECEIVED)


def test_a_request_goes_to_completed_with_every_step_in_the_audit_log(
    make_request, django_user_model, django_capture_on_commit_callbacks
):
    user = django_user_model.objects.create_user("sam", first_name="Sam")
    service_request = make_request(1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for target in HAPPY_PATH:
            if target == Status.ASSIGNED:
                actions.assign(service_request, user, by=user)
            note = "Offre : 12 heures au juste coût." if target == Status.OFFER_SENT else ""
            service_request = actions.change_status(
                service_request, target, user=user, note=note, share_note=bool(note)
            )
    assert service_request.status == Status.COMPLETED
    entries = ModelLogEntry.objects.for_instance(service_request).filter(action=STATUS_CHANGED)
    steps = [(e.data["from"], e.data["to"]) for e in entries.order_by("timestamp", "pk")]
    assert steps == list(zip([Status.RECEIVED, *HAPPY_PATH[:-1]], HAPPY_PATH, strict=True))
    assert {entry.user for entry in entries} == {user}
    # The requester heard twice: the offer (with the shared note) and the end.
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"Notre offre pour votre demande {service_request.reference}",
        f"Votre demande {service_request.reference} est terminée",
    ]
    assert "12 heures au juste coût" in mail.outbox[0].body
    assert all(message.to == ["alex1@example.org"] for message in mail.outbox)


@pytest.mark.parametrize("target", [Status.OFFER_SENT, Status.COMPLETED, Status.IN_PROGRESS])
def test_a_step_cannot_be_skipped_and_nothing_changes(make_request, target):
    service_request = make_request(1)
    with pytest.raises(TransitionNotAllowed):
        actions.change_status(service_request, target)
    service_request.refresh_from_db()
    assert service_request.status == Status.RECEIVED
    assert not ModelLogEntry.objects.for_instance(service_request).exists()
    # Not even by a save that bypasses the actions (the workflow's guard).
    service_request.status = target
    with pytest.raises(TransitionNotAllowed):
        service_request.save()


def test_no_follow_up_needs_a_note_and_tells_the_requester(
    make_request, django_capture_on_commit_callbacks
):
    service_request = make_request(1, language="en")
    with pytest.raises(TransitionNotAllowed):
        actions.change_status(service_request, Status.DROPPED, note=" ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.change_status(
            service_request, Status.DROPPED, note="Outside our fields.", share_note=True
        )
    (message,) = mail.outbox
    assert message.body.startswith("Hello Alex,") and "Outside our fields." in message.body
    assert "closed without follow-up" in message.body


def test_staff_follow_a_request_in_the_admin(services_client, make_request, django_user_model):
    service_request = make_request(1)
    detail = services_client.get(f"{LISTING}inspect/{service_request.pk}/").content.decode()
    for expected in [
        "Reçue",
        "Services juridiques",
        "Non membre",
        "Inviter à adhérer",
        "Qualifiée",
    ]:
        assert expected in detail, expected
    assert 'name="status"' in detail and 'name="reviewer"' in detail and 'name="text"' in detail
    status_url = f"{LISTING}status/{service_request.pk}/"
    assert services_client.post(status_url, {"status": "qualified"}).status_code == 302
    # A skipped step, a closing without a note: refused with the reason, nothing changes.
    response = services_client.post(status_url, {"status": "completed"}, follow=True)
    assert "Choisissez l’un des statuts proposés." in response.content.decode()
    response = services_client.post(status_url, {"status": "dropped", "note": ""}, follow=True)
    assert "Une note est requise" in response.content.decode()
    assert ServiceRequest.objects.get().status == "qualified"

    colleague = django_user_model.objects.create_user(
        "alex", email="alex@consortium.example", first_name="Alex"
    )
    colleague.groups.add(Group.objects.get(name=roles.SERVICES_GROUP))
    mail.outbox.clear()
    response = services_client.post(
        f"{LISTING}assign/{service_request.pk}/", {"reviewer": colleague.pk}, follow=True
    )
    assert f"{service_request.reference} est confiée à Alex." in response.content.decode()
    assert ServiceRequest.objects.get().assigned_to == colleague
    services_client.post(f"{LISTING}note/{service_request.pk}/", {"text": "Appel fait."})
    history = services_client.get(f"{LISTING}history/{service_request.pk}/").content.decode()
    assert "Statut changé de « Reçue » à « Qualifiée »" in history
    assert "Confiée à Alex" in history
    detail = services_client.get(f"{LISTING}inspect/{service_request.pk}/").content.decode()
    assert "Appel fait." in detail and "Sam" in detail


def test_invite_a_non_member_to_join(
    services_client, make_request, site_tree, django_capture_on_commit_callbacks
):
    MembershipPageFactory(parent=site_tree.fr_home)
    service_request = make_request(1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = services_client.post(f"{LISTING}invite/{service_request.pk}/", follow=True)
    assert "La page d’adhésion a été envoyée à alex1@example.org." in response.content.decode()
    (message,) = mail.outbox
    assert message.subject == "Devenir membre du Consortium"
    assert "http://localhost/fr/adhesion/" in message.body or "/fr/adhesion/" in message.body
    service_request.refresh_from_db()
    assert service_request.invited_to_join_at is not None
    assert (
        ModelLogEntry.objects.for_instance(service_request).filter(action=actions.INVITED).exists()
    )


def bulk_requests(count, start, field, handlers):
    """``count`` stored requests (one statement: the listing is under test, not the form)."""
    rows = [
        ServiceRequest(
            reference=f"DS-2025-{number:04d}",
            language="fr",
            status=["received", "qualified", "assigned"][number % 3],
            organisation_name=f"Coopérative {number}",
            region="06",
            contact_name="Alex",
            contact_email=f"alex{number}@example.org",
            contact_phone="+14185550100",
            need="Un besoin.",
            timeframe="month",
            assigned_to=handlers[number % len(handlers)],
        )
        for number in range(start, start + count)
    ]
    created = ServiceRequest.objects.bulk_create(rows)
    through = ServiceRequest.expertise_fields.through
    through.objects.bulk_create(
        [through(servicerequest_id=row.pk, expertisepage_id=field.pk) for row in created]
    )


@pytest.mark.parametrize(
    "params",
    [{}, {"member": "no"}, {"status": "qualified", "q": "Coop"}, {"expertise_fields": "x"}],
)
def test_listing_queries_do_not_grow_with_500_requests(
    services_client, service_page, django_user_model, params
):
    field = service_page.fields[0]
    if "expertise_fields" in params:
        params = {"expertise_fields": field.pk}
    other = django_user_model.objects.create_user("autre", first_name="Alex")
    bulk_requests(6, 0, field, [services_client.user, other, None])
    services_client.get(LISTING, params)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = services_client.get(LISTING, params)
            assert response.status_code == 200
        return len(captured), response

    few, _response = count()
    bulk_requests(500, 6, field, [services_client.user, other, None])
    many, response = count()
    assert many == few
    content = response.content.decode()
    assert "DS-2025-0505" in content or "q" in params or "status" in params
    assert "Services juridiques" in content


def test_filters_and_search(services_client, make_request, service_page):
    from members.models import Member

    member = Member.objects.create(
        name="Coop membre", legal_form="consumer-coop", region="03", member_since="2026-01-01"
    )
    legal, finance = service_page.fields
    first = make_request(1, fields=[legal])
    second = make_request(2, fields=[finance], member=member)

    def listed(**params):
        content = services_client.get(LISTING, params).content.decode()
        return {r.reference for r in (first, second) if r.reference in content}

    assert listed() == {first.reference, second.reference}
    assert listed(expertise_fields=finance.pk) == {second.reference}
    # A request made on the English page counts for the French field too.
    assert listed(expertise_fields=legal.pk) == {first.reference}
    assert listed(member="yes") == {second.reference}
    assert listed(member="no") == {first.reference}
    assert listed(q="alex2@example.org") == {second.reference}
    assert listed(q=first.reference) == {first.reference}
    assert listed(status="completed") == set()


def test_exports_read_in_french(services_client, make_request, service_page):
    service_request = make_request(1, fields=list(service_page.fields))
    response = services_client.get(LISTING, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(content)))
    assert row["Référence"] == service_request.reference
    assert row["Statut"] == "Reçue" and row["Délai souhaité"] == "D’ici trois mois"
    assert (
        row["Champs d’expertise"] == "Finances, Services juridiques"
        or row["Champs d’expertise"] == "Services juridiques, Finances"
    )
    assert row["Région administrative"] == "06 Montréal" and row["Langue"] == "Français"
    assert row["Organisation membre"] == ""
    assert "Le besoin" not in row  # the free text stays in the admin
    workbook = load_workbook(
        io.BytesIO(b"".join(services_client.get(LISTING, {"export": "xlsx"}).streaming_content))
    )
    assert workbook.sheetnames == ["Demandes de service"]


def test_a_status_that_means_someone_holds_the_request_needs_that_someone(
    make_request, django_user_model
):
    """« Assignée », « Offre envoyée », « En cours »: someone holds the request. It gets
    there only once assigned, and is not left to nobody while there (issue #35)."""
    user = django_user_model.objects.create_user("sam", first_name="Sam")
    service_request = actions.change_status(make_request(1), Status.QUALIFIED)
    with pytest.raises(TransitionNotAllowed) as refused:
        actions.change_status(service_request, Status.ASSIGNED)
    assert "choisissez d’abord qui dans « Confiée à »" in refused.value.messages[0]
    service_request.refresh_from_db()
    assert service_request.status == Status.QUALIFIED
    actions.assign(service_request, user, by=user)
    service_request = actions.change_status(service_request, Status.ASSIGNED)
    with pytest.raises(TransitionNotAllowed):
        actions.assign(service_request, None, by=user)
    service_request.refresh_from_db()
    assert service_request.assigned_to == user
    # Closed, it may be left to nobody again.
    service_request = actions.change_status(service_request, Status.DROPPED, note="Hors champ.")
    actions.assign(service_request, None, by=user)
    service_request.refresh_from_db()
    assert service_request.assigned_to is None
