"""The register of members (SPEC §9): ledger arithmetic, approval → member → pending
subscription → payment → active → listed, the admin record and its history, the register
export, and the listing's queries."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from members import ledger, register
from members.factories import MemberFactory
from members.models import (
    Member,
    MemberCategory,
    MemberContact,
    MemberStatus,
    MovementKind,
    ShareMovement,
)
from members.permissions import MEMBERS_GROUP
from membership.actions import change_status
from membership.choices import Status
from membership.factories import MemberDirectoryPageFactory
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db

PRICE = Decimal("10.00")


# Ledger arithmetic ---------------------------------------------------------------------


class Row:
    """A movement as the ledger reads it (no database)."""

    def __init__(self, member_id, kind, shares, amount, pk):
        self.member_id, self.kind, self.shares, self.amount, self.pk = (
            member_id,
            kind,
            shares,
            Decimal(amount),
            pk,
        )


movement = st.tuples(
    st.sampled_from(list(MovementKind)),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=0, max_value=50),
)


def accepted(rows_in):
    """The movements of member 1 (transfers to member 2) that the ledger accepts, in order:
    what ``register.record_movement`` would record."""
    totals = {1: ledger.Totals(), 2: ledger.Totals()}
    rows = []
    for pk, (kind, shares, units) in enumerate(rows_in, start=1):
        amount = PRICE * units
        if kind == MovementKind.TRANSFER:
            amount = PRICE * shares  # paid-up shares at their price
        if ledger.refusal(totals[1], kind, shares, amount):
            continue
        rows.append(Row(1, kind, shares, amount, pk))
        totals[1] = ledger.apply(totals[1], kind, shares, amount)
        if kind == MovementKind.TRANSFER:
            totals[2] = ledger.apply(totals[2], kind, shares, amount, incoming=True)
    return rows, totals


@settings(max_examples=200, deadline=None)
@given(st.lists(movement, max_size=25))
def test_the_ledger_never_holds_fewer_than_no_shares_and_transfers_conserve(moves):
    rows, totals = accepted(moves)
    transfers = [row for row in rows if row.kind == MovementKind.TRANSFER]
    giver, receiver = ledger.totals_of(1, rows), ledger.totals_of(2, transfers)
    assert (giver, receiver) == (totals[1], totals[2])
    assert giver.shares_held >= 0 and giver.paid >= 0
    subscribed = sum(r.shares for r in rows if r.kind == MovementKind.SUBSCRIPTION)
    redeemed = sum(r.shares for r in rows if r.kind == MovementKind.REDEMPTION)
    # Shares leave the giver only to the receiver: together they hold what was subscribed.
    assert giver.shares_held + receiver.shares_held == subscribed - redeemed
    assert giver.value + receiver.value == sum(
        r.amount for r in rows if r.kind == MovementKind.SUBSCRIPTION
    ) - sum(r.amount for r in rows if r.kind == MovementKind.REDEMPTION)
    # Owing and to repay are the two sides of one balance, never both.
    assert giver.owing - giver.to_repay == giver.value - giver.paid
    assert not (giver.owing and giver.to_repay)
    # The order of the rows does not matter.
    assert ledger.totals_of(1, list(reversed(rows))) == giver


@given(shares=st.integers(min_value=1, max_value=100))
def test_a_subscription_paid_then_redeemed_and_repaid_leaves_nothing(shares):
    amount = PRICE * shares
    steps = [
        (MovementKind.SUBSCRIPTION, shares, amount),
        (MovementKind.PAYMENT, 0, amount),
        (MovementKind.REDEMPTION, shares, amount),
        (MovementKind.REPAYMENT, 0, amount),
    ]
    totals = ledger.Totals()
    seen = []
    for kind, count, value in steps:
        totals = ledger.apply(totals, kind, count, value)
        seen.append((totals.shares_held, totals.owing, totals.to_repay))
    assert seen == [(shares, amount, 0), (shares, 0, 0), (0, 0, amount), (0, 0, 0)]


def test_the_ledger_refuses_what_cannot_be():
    totals = ledger.Totals(shares_held=2, value=PRICE * 2, paid=PRICE)
    assert ledger.refusal(totals, MovementKind.REDEMPTION, 3, PRICE * 3)
    assert ledger.refusal(totals, MovementKind.TRANSFER, 3, PRICE * 3)
    assert ledger.refusal(totals, MovementKind.REPAYMENT, 0, PRICE * 2)
    assert ledger.refusal(totals, MovementKind.REDEMPTION, 2, PRICE * 2) is None


# From approval to the directory ----------------------------------------------------------


@pytest.fixture
def directory(site_tree):
    page = MemberDirectoryPageFactory(parent=site_tree.fr_home)
    publish_translation(page, site_tree.locales["en"], title="Our members", slug="members")
    return page


@pytest.fixture
def user_category():
    category = MemberCategory.objects.get(name="Membre utilisateur")
    category.qualifying_shares, category.share_price = 2, PRICE
    category.save()
    return category


def listed_names(client) -> list[str]:
    soup = BeautifulSoup(client.get("/fr/membres/").content.decode(), "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".member__name")]


def approve(application, user):
    change_status(application, Status.IN_REVIEW, user=user)
    change_status(application, Status.APPROVED, user=user)
    return Member.objects.get(application=application)


def test_approval_pending_subscription_payment_active_listed(
    client,
    make_application,
    committee_user,
    directory,
    user_category,
    django_capture_on_commit_callbacks,
):
    application = make_application(1, directory_consent=True, website="https://coop.example")
    with django_capture_on_commit_callbacks(execute=True):
        member = approve(application, committee_user)
    assert (member.name, member.neq, member.category, member.status) == (
        application.organisation_name,
        application.neq,
        user_category,
        MemberStatus.PENDING,
    )
    principal = member.contacts.get()
    assert (principal.email, principal.is_principal) == (application.contact_email, True)
    subscription = member.movements.get()
    assert (subscription.kind, subscription.shares, subscription.amount) == (
        MovementKind.SUBSCRIPTION,
        2,
        Decimal("20.00"),
    )
    assert ledger.member_totals(member).owing == Decimal("20.00")
    # The welcome email says what the directory does: listed once the shares are paid.
    welcome = [m for m in mail.outbox if m.to == [application.contact_email]][-1]
    assert "2 parts, 20,00 $ en tout" in welcome.body
    assert "une fois ses parts payées" in welcome.body
    assert listed_names(client) == []

    register.record_movement(member, MovementKind.PAYMENT, amount=Decimal("10.00"))
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING and listed_names(client) == []
    register.record_movement(member, MovementKind.PAYMENT, amount=Decimal("10.00"))
    member.refresh_from_db()
    assert member.status == MemberStatus.ACTIVE
    assert listed_names(client) == [application.organisation_name]
    # The contact's member-space account is in the members' group, now that it is active.
    assert (
        principal.__class__.objects.get(pk=principal.pk)
        .user.groups.filter(name=MEMBERS_GROUP)
        .exists()
    )
    history = [entry.action for entry in ModelLogEntry.objects.for_instance(member)]
    assert history.count(register.MOVEMENT) == 3 and register.CHANGED in history


def test_a_category_without_figures_subscribes_nothing(make_application, committee_user):
    member = approve(make_application(1), committee_user)
    assert member.category.name == "Membre utilisateur"
    assert not member.movements.exists() and member.status == MemberStatus.PENDING


def test_a_movement_the_ledger_refuses_is_not_recorded():
    member = MemberFactory(status="pending")
    with pytest.raises(register.RefusedMovement):
        register.record_movement(member, MovementKind.REDEMPTION, shares=1, amount=PRICE)
    assert not ShareMovement.objects.exists()


# The admin record, the export and the listing --------------------------------------------


@pytest.fixture
def member_with_ledger(user_category):
    member = MemberFactory(
        name="Coopérative Alpha",
        status="pending",
        category=user_category,
        street_address="1, rue Principale",
        city="Rimouski",
        postal_code="G5L 1A1",
    )
    MemberContact.objects.create(
        member=member, name="Alex", email="alex@alpha.example", is_principal=True
    )
    register.record_movement(
        member,
        MovementKind.SUBSCRIPTION,
        shares=2,
        amount=PRICE * 2,
        date=datetime.date(2026, 9, 1),
    )
    register.record_movement(
        member, MovementKind.PAYMENT, amount=PRICE, date=datetime.date(2026, 9, 15)
    )
    return member


def test_the_register_export_has_article_124s_items(committee, member_with_ledger):
    other = MemberFactory(name="Mutuelle Bêta", status="active")
    response = committee.get("/admin/members/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Nom",
        "Dernière adresse connue",
        "Catégorie",
        "Statut",
        "Parts détenues",
        "Dates de souscription",
        "Dates de paiement",
        "Dates de rachat",
        "Dates de remboursement",
        "Dates de transfert",
        "Montant payé ($)",
        "Montant dû ($)",
    ]
    alpha = next(row for row in rows if row[0] == "Coopérative Alpha")
    assert alpha[1:7] == [
        "1, rue Principale, Rimouski, G5L 1A1",
        "Membre utilisateur",
        "En attente (parts non payées)",
        "2",
        "2026-09-01",
        "2026-09-15",
    ]
    # Amounts as a French-Canadian Excel reads a number (« 10.00 » would be text).
    assert alpha[-2:] == ["10,00", "10,00"]
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="registre-des-membres-{today}.csv"'
    )
    # Filterable by status (and category): the active one only.
    only_active = committee.get("/admin/members/", {"export": "xlsx", "status": "active"})
    sheet = load_workbook(io.BytesIO(b"".join(only_active.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [other.name]
    assert sheet.title == "Registre des membres"
    everyone = committee.get("/admin/members/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(everyone.streaming_content))).active
    alpha = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Coopérative Alpha")
    assert [cell.value for cell in alpha[-2:]] == [10, 10]  # numbers, shown « 10.00 »
    assert {cell.number_format for cell in alpha[-2:]} == {"0.00"}
    assert alpha[4].value == 2


def test_the_record_saves_its_history_and_needs_one_principal(committee, member_with_ledger):
    member = member_with_ledger
    response = committee.get(f"/admin/members/edit/{member.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for name, _field in form.fields.items():
        value = form[name].value()
        if value is not None and not isinstance(value, bool):
            data[name] = value
        elif value is True:
            data[name] = "on"
    for prefix, formset in form.formsets.items():
        data.update({f"{prefix}-{k}": v for k, v in formset.management_form.initial.items()})
        for index, child in enumerate(formset.forms):
            for name in child.fields:
                value = child[name].value()
                if value is True:
                    data[f"{prefix}-{index}-{name}"] = "on"
                elif value is not None and value is not False:
                    data[f"{prefix}-{index}-{name}"] = value
    data["status"] = "suspended"
    data["admission_resolution"] = "CA-2026-11"
    saved = committee.post(f"/admin/members/edit/{member.pk}/", data)
    assert saved.status_code == 302, (
        saved.context["form"].errors,
        {k: (f.errors, f.non_form_errors()) for k, f in saved.context["form"].formsets.items()},
    )
    member.refresh_from_db()
    assert (member.status, member.admission_resolution) == ("suspended", "CA-2026-11")
    entry = ModelLogEntry.objects.for_instance(member).filter(action=register.CHANGED).last()
    fields = {change["field"]: (change["from"], change["to"]) for change in entry.data["changes"]}
    assert fields["status"] == ("En attente (parts non payées)", "Suspendu")
    history = committee.get(f"/admin/members/history/{member.pk}/")
    assert "Suspendu" in history.content.decode()

    data["contacts-0-is_principal"] = ""
    data.pop("contacts-0-is_principal")
    refused = committee.post(f"/admin/members/edit/{member.pk}/", data)
    assert refused.status_code == 200
    assert "exactement une personne-ressource principale" in refused.content.decode()


def test_the_listing_queries_do_not_grow_with_members(committee, user_category):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert committee.get("/admin/members/").status_code == 200
        return len(queries)

    for _number in range(2):
        member = MemberFactory(category=user_category)
        register.record_movement(member, MovementKind.SUBSCRIPTION, shares=1, amount=PRICE)
    few = count()
    for _number in range(6):
        member = MemberFactory(category=user_category)
        register.record_movement(member, MovementKind.SUBSCRIPTION, shares=1, amount=PRICE)
        register.record_movement(member, MovementKind.PAYMENT, amount=PRICE)
    assert count() == few


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_exports_queries_do_not_grow_with_members_or_ledger_lines(
    committee, user_category, export
):
    """Each row reads its ledger once, from the prefetched movements (issue #36)."""

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = committee.get("/admin/members/", {"export": export})
            assert response.status_code == 200
            b"".join(response.streaming_content)  # the rows are written as they stream
        return len(queries)

    def members(number: int, lines: int):
        for _number in range(number):
            member = MemberFactory(category=user_category)
            for _line in range(lines):
                register.record_movement(member, MovementKind.SUBSCRIPTION, shares=1, amount=PRICE)

    members(2, 1)
    few = count()
    members(20, 5)
    assert count() == few


def test_only_the_register_readers_export_it(client, django_user_model, site_tree):
    from consortium.bootstrap.site_setup import run_setup

    run_setup()
    reader = django_user_model.objects.create_user("lecteur", password="x")
    reader.groups.add(Group.objects.get(name="Communications"))
    client.force_login(reader)
    for url in ("/admin/members/", "/admin/members/?export=csv", "/admin/member-categories/"):
        assert client.get(url).status_code in (302, 403)


def test_former_members_contacts_are_anonymised_and_the_register_kept(member_with_ledger):
    from django.core.management import call_command

    member = member_with_ledger
    register.sync_access(member)
    register.set_status(member, "resigned", date=datetime.date(2020, 1, 31))
    active = MemberFactory(name="Toujours membre", status="active")
    MemberContact.objects.create(
        member=active, name="Reste", email="reste@ici.example", is_principal=True
    )
    out = io.StringIO()
    call_command("anonymise_applications", "--dry-run", stdout=out)
    assert member.contacts.exists() and "1 former member(s)' contacts would be" in out.getvalue()
    call_command("anonymise_applications", stdout=io.StringIO())
    member.refresh_from_db()
    assert not member.contacts.exists() and member.anonymised_at is not None
    assert not get_user_model().objects.filter(username="member:alex@alpha.example").exists()
    # The register keeps art. 124's items.
    assert (member.name, member.street_address) == ("Coopérative Alpha", "1, rue Principale")
    assert ledger.member_totals(member).shares_held == 2
    assert active.contacts.count() == 1


def test_the_members_page_does_not_grow_with_the_register(committee, member_with_ledger):
    """Each ledger line chooses its counterparty in a modal, not among every member in a
    list: the page's size and queries do not depend on how many members there are."""
    url = f"/admin/members/edit/{member_with_ledger.pk}/"

    def measure() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = committee.get(url)
        assert response.status_code == 200
        return len(response.content), len(queries)

    few_bytes, few_queries = measure()
    for number in range(40):
        MemberFactory(name=f"Coopérative numéro {number:03d}")
    many_bytes, many_queries = measure()
    assert many_queries == few_queries
    assert many_bytes == few_bytes
    assert "Coopérative numéro 000" not in committee.get(url).content.decode()


def test_the_member_chooser_searches_the_register_for_its_readers_only(
    committee, client, django_user_model, site_tree
):
    from consortium.bootstrap.site_setup import run_setup

    MemberFactory(name="Mutuelle Bêta", neq="1144556677")
    MemberFactory(name="Coopérative Gamma")
    results = committee.get("/admin/member-chooser/results/", {"q": "bêta"})
    assert results.status_code == 200
    html = results.content.decode()
    assert "Mutuelle Bêta" in html and "Gamma" not in html
    by_neq = committee.get("/admin/member-chooser/results/", {"q": "1144556677"})
    assert "Mutuelle Bêta" in by_neq.content.decode()
    assert committee.get("/admin/member-chooser/").status_code == 200
    run_setup()
    reader = django_user_model.objects.create_user("lecteur", password="x")
    reader.groups.add(Group.objects.get(name="Communications"))
    client.force_login(reader)
    assert client.get("/admin/member-chooser/").status_code in (302, 403)
