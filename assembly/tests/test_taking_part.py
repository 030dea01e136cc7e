"""Taking part from the member space (/fr/espace-membre/assemblee/,
/en/member-area/assembly/) and chairing from the admin: a delegate says they are
present, votes once on the item the chair opened, and reads the results in their
language; a contact not on the roll and staff without the chair's group are refused
(issue #34)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assembly import attendance, minutes, roll, voting
from assembly.choices import MotionKind
from assembly.factories import MotionFactory
from assembly.models import Candidate, OpenBallot, SecretBallot
from assembly.permissions import CHAIR_GROUP
from assembly.tests.conftest import signed_in
from consortium.bootstrap.site_setup import run_setup
from members.models import MemberContact
from tests.two_factor import Client

pytestmark = pytest.mark.django_db

PAGES = {"fr": "/fr/espace-membre/assemblee/", "en": "/en/member-area/assembly/"}


@pytest.fixture
def delegates(space, assembly, register):
    """A signed-in client for each member's principal contact (the roll drawn)."""
    roll.draw(assembly)
    return {
        key: signed_in(member.contacts.get(is_principal=True)) for key, member in register.items()
    }


@pytest.fixture
def chair(django_user_model, site_tree):
    run_setup()
    user = django_user_model.objects.create_user("presidente", password="x")
    user.groups.add(Group.objects.get(name=CHAIR_GROUP))
    client = Client()
    client.force_login(user)
    return client


def page_of(client, language="fr") -> str:
    response = client.get(PAGES[language])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return response.content.decode()


def test_a_delegate_takes_part_and_votes_once_on_the_open_item(assembly, delegates, chair):
    motion = MotionFactory(
        assembly=assembly, title="Adoption du rapport annuel", title_en="Adopting the report"
    )
    alpha = delegates["alpha"]
    html = page_of(alpha)
    assert "Je suis présent·e" in html and assembly.meeting_url in html
    assert "Aucun vote n’est ouvert" in html

    response = alpha.post(PAGES["fr"] + "presence/")
    assert response.status_code == 302
    html = page_of(alpha)
    assert "Vous êtes présent·e" in html

    panel = reverse("assembly_chair", args=[assembly.pk])
    assert chair.get(panel).status_code == 200
    opened = chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "open"]))
    assert opened.status_code == 302
    html = page_of(alpha)
    assert "Adoption du rapport annuel" in html and 'value="for"' in html

    vote = PAGES["fr"] + f"vote/{motion.pk}/"
    state = reverse("assembly_chair_state", args=[assembly.pk])
    before = chair.get(state).json()["state"]
    assert alpha.post(vote, {"choice": "for"}).status_code == 302
    assert chair.get(state).json()["state"] != before  # the panel offers to show the ballot
    assert alpha.post(vote, {"choice": "against"}).status_code == 302  # a second click
    assert OpenBallot.objects.get().choice == "for"
    html = page_of(alpha)
    assert "est enregistré" in html

    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "close"]))
    english = page_of(alpha, "en")
    assert "Adopting the report" in english and "Adopted." in english
    assert "1 member voted." in english
    french = page_of(alpha)
    assert "Adoptée." in french


def test_a_secret_election_from_the_member_space(assembly, delegates, chair):
    motion = MotionFactory(
        assembly=assembly, kind=MotionKind.ELECTION, seats=2, secret=True, title="Élection"
    )
    anne, bruno, chloe = (
        Candidate.objects.create(motion=motion, name=name, sort_order=order)
        for order, name in enumerate(["Anne", "Bruno", "Chloé"])
    )
    for key in ("alpha", "beta"):
        delegates[key].post(PAGES["fr"] + "presence/")
    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "open"]))
    html = page_of(delegates["alpha"])
    assert "Scrutin secret" in html and 'type="checkbox"' in html
    vote = PAGES["fr"] + f"vote/{motion.pk}/"
    delegates["alpha"].post(vote, {"candidates": [anne.pk, bruno.pk, chloe.pk]})  # too many
    assert not SecretBallot.objects.exists()
    delegates["alpha"].post(vote, {"candidates": [anne.pk, bruno.pk]})
    delegates["beta"].post(vote, {"candidates": [anne.pk, chloe.pk]})
    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "close"]))
    html = page_of(delegates["beta"])
    assert "Élu·e·s : Anne." in html or "Anne" in html
    assert SecretBallot.objects.count() == 2


def test_who_may_not_take_part_is_told_why_and_nothing_is_stored(assembly, delegates, chair):
    motion = MotionFactory(assembly=assembly)
    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "open"]))
    unpaid = delegates["unpaid"]
    html = page_of(unpaid)
    assert "n’est pas sur la liste des votants : parts de qualification non payées" in html
    assert assembly.meeting_url not in html  # the meeting link: delegates on the roll only
    unpaid.post(PAGES["fr"] + "presence/")
    unpaid.post(PAGES["fr"] + f"vote/{motion.pk}/", {"choice": "for"})
    assert not OpenBallot.objects.exists()


def test_staff_without_the_chairs_group_cannot_open_a_vote(assembly, django_user_model, site_tree):
    run_setup()
    motion = MotionFactory(assembly=assembly)
    editor = django_user_model.objects.create_user("redaction", password="x")
    editor.groups.add(Group.objects.get(name="Rédaction"))
    client = Client()
    client.force_login(editor)
    assert client.get(reverse("assembly_chair", args=[assembly.pk])).status_code in (302, 403)
    client.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "open"]))
    motion.refresh_from_db()
    assert motion.status == "prepared"


def test_the_chair_panel_queries_do_not_grow_with_the_roll(
    assembly, register, chair, django_assert_max_num_queries
):
    roll.draw(assembly)
    MotionFactory(assembly=assembly)
    panel = reverse("assembly_chair", args=[assembly.pk])
    chair.get(panel)
    with django_assert_max_num_queries(40) as few:
        chair.get(panel)
    from assembly.factories import member_in_good_standing

    for number in range(10):
        member_in_good_standing(f"Nouvelle {number}")
    roll.draw(assembly)
    with django_assert_max_num_queries(len(few.captured_queries)):
        chair.get(panel)


def test_the_roll_exports_with_french_headings(assembly, register, chair):
    roll.draw(assembly)
    response = chair.get(f"/admin/assembly-roll/?assembly={assembly.pk}&export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    heading, *rows = text.strip().splitlines()
    assert heading == "Assemblée générale,Membre,Personne déléguée,Arrivée,Départ"
    assert sorted(row.split(",")[1] for row in rows) == ["Alpha", "Beta", "Gamma"]
    assert "Délégué Alpha" in text
    assert "liste-des-votants" in response["Content-Disposition"]


def test_the_principal_contact_names_another_delegate_until_the_roll_closes(
    assembly, delegates, register
):
    alpha = register["alpha"]
    deputy = MemberContact.objects.create(
        member=alpha, name="Adjointe Alpha", email="adjointe@alpha.example"
    )
    principal = delegates["alpha"]
    html = page_of(principal)
    assert "Délégué·e de votre organisation" in html and "Adjointe Alpha" in html

    # Only the principal contact names the delegate, among the member's own contacts.
    other = register["beta"].contacts.get()
    assert "Délégué·e de votre organisation" not in page_of(signed_in(deputy))
    signed_in(deputy).post(PAGES["fr"] + "delegue/", {"delegate": deputy.pk})
    principal.post(PAGES["fr"] + "delegue/", {"delegate": other.pk})
    assert roll.entry_of(assembly, alpha.pk).designated_id is None

    response = principal.post(PAGES["fr"] + "delegue/", {"delegate": deputy.pk}, follow=True)
    assert "Adjointe Alpha est la personne déléguée de votre organisation" in (
        response.content.decode()
    )
    assert roll.voter_for(assembly, deputy) is not None
    assert roll.voter_for(assembly, alpha.contacts.get(is_principal=True)) is None
    assert "Je suis présent·e" in page_of(signed_in(deputy))
    html = page_of(principal)
    assert "Je suis présent·e" not in html and "Adjointe Alpha, vote en son nom" in html

    # The roll closed: the delegate stays, and the page says so.
    assembly.roll_closes_at = assembly.event.start - datetime.timedelta(days=30)
    assembly.save()
    principal.post(PAGES["fr"] + "delegue/", {"delegate": alpha.contacts.get(is_principal=True).pk})
    assert roll.entry_of(assembly, alpha.pk).designated_id == deputy.pk
    assert "La liste des votants est close depuis le" in page_of(principal)


def test_a_delegate_leaves_and_the_record_keeps_the_times_and_the_quorum_at_each_close(
    assembly, delegates, chair
):
    motion = MotionFactory(assembly=assembly, title="Adoption du rapport", title_en="Report")
    for key in ("alpha", "beta"):
        delegates[key].post(PAGES["fr"] + "presence/")
    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "open"]))
    delegates["alpha"].post(PAGES["fr"] + f"vote/{motion.pk}/", {"choice": "for"})
    response = delegates["beta"].post(PAGES["fr"] + "depart/", follow=True)
    html = response.content.decode()
    assert "Vous avez quitté l’assemblée" in html and "Je suis présent·e" in html
    assert attendance.quorum(assembly).present == 1
    chair.post(reverse("assembly_change_vote", args=[assembly.pk, motion.pk, "close"]))

    export = chair.get(f"/admin/assembly-roll/?assembly={assembly.pk}&export=csv")
    rows = {
        row["Membre"]: row
        for row in csv.DictReader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))
        )
    }
    assert rows["Alpha"]["Arrivée"] and not rows["Alpha"]["Départ"]
    assert rows["Beta"]["Arrivée"] <= rows["Beta"]["Départ"]
    assert not rows["Gamma"]["Arrivée"]

    votes = chair.get(f"/admin/assembly-votes/?assembly={assembly.pk}&export=csv")
    (row,) = csv.DictReader(io.StringIO(b"".join(votes.streaming_content).decode("utf-8-sig")))
    assert row["Membres ayant voté"] == "1"
    assert row["Personnes déléguées présentes à la clôture"] == "1"
    assert row["Décompte"] == "Pour : 1, Contre : 0, Abstention : 0"
    assert row["Résultat"] == "Adoptée."
    assert "votes-de-l-assemblee" in votes["Content-Disposition"]

    text = minutes.draft(assembly).as_text()
    assert "représenté par Délégué Beta (arrivée " in text and ", départ " in text
    assert "présentes à la clôture : 1 sur 3 (quorum non atteint)." in text


def test_the_delegates_live_pages_cost_the_same_queries_whatever_the_roll(
    assembly, delegates, register, django_assert_max_num_queries
):
    """The assembly page and its state, asked every few seconds by every delegate, cost
    the same queries with 3 voters on the roll as with 23."""
    from assembly.factories import member_in_good_standing

    motion = MotionFactory(assembly=assembly)
    voting.open_vote(motion)
    alpha = delegates["alpha"]
    alpha.post(PAGES["fr"] + "presence/")

    def costs() -> tuple[int, int]:
        alpha.get(PAGES["fr"])  # sessions and content types warm, as on a running site
        with django_assert_max_num_queries(60) as page:
            assert alpha.get(PAGES["fr"]).status_code == 200
        with django_assert_max_num_queries(20) as state:
            assert alpha.get(PAGES["fr"] + "etat/").status_code == 200
        return len(page.captured_queries), len(state.captured_queries)

    few = costs()
    for number in range(20):
        member_in_good_standing(f"Nouvelle {number}")
    roll.draw(assembly)
    for voter in assembly.roll.prefetch_related("member__contacts"):
        attendance.arrive(voter, voter.delegate)
    assert assembly.roll.count() == 23
    assert costs() == few
