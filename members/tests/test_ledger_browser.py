"""The ledger's counterparty chosen in a real browser: a committee member opens a
member's record, adds a transfer, chooses the receiving member in the modal by searching
its name (no list of every member on the page), saves; the transfer is recorded."""

import datetime
import re

import pytest

from members import register
from members.factories import MemberFactory
from members.models import MemberContact, MovementKind, ShareMovement
from tests.fixtures.browser import record_policy_violations, sign_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_transfer_chooses_its_receiver_in_the_modal(
    live_server, browser_page, committee_user, site_tree
):
    page = browser_page
    blocked: list[str] = []
    record_policy_violations(page, blocked)
    giver = MemberFactory(name="Coopérative Alpha", status="active")
    MemberContact.objects.create(
        member=giver, name="Alex Alpha", email="alex@alpha.example", is_principal=True
    )
    subscribed = datetime.date(2026, 9, 1)
    register.record_movement(giver, MovementKind.SUBSCRIPTION, shares=2, amount=20, date=subscribed)
    register.record_movement(giver, MovementKind.PAYMENT, amount=20, date=subscribed)
    MemberFactory(name="Mutuelle Bêta", status="active")
    for number in range(25):
        MemberFactory(name=f"Organisme {number:02d}")

    sign_in_to_admin(page, live_server.url, committee_user)

    page.goto(f"{live_server.url}/admin/members/edit/{giver.pk}/")
    assert page.locator("option", has_text="Mutuelle Bêta").count() == 0
    page.get_by_role("button", name="Ajouter : mouvement").click()
    line = page.locator("[id^=inline_child_movements]").last
    line.get_by_label("Date").fill("2026-10-01")
    line.get_by_label("Mouvement").select_option("transfer")
    line.get_by_label("Nombre de parts").fill("1")
    line.get_by_label("Montant ($)").fill("10")
    line.get_by_role("button", name="Choisir un membre").click()
    modal = page.locator(".modal-content")
    modal.get_by_label("Nom légal ou NEQ").fill("Bêta")
    modal.get_by_role("link", name="Mutuelle Bêta").click()
    line.get_by_text("Mutuelle Bêta").wait_for()  # the chosen member, shown in the line
    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_url(re.compile(r"/admin/members/$"))
    # Wagtail's message, in French without « Le(la) … enregistré(e) ».
    assert "(e)" not in page.locator(".messages").inner_text()
    transfer = ShareMovement.objects.get(kind=MovementKind.TRANSFER)
    assert transfer.member_id == giver.pk and transfer.counterparty.name == "Mutuelle Bêta"
    assert blocked == []
