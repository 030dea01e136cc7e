"""A secret ballot read as a database administrator would read it (issue #34): once the
vote has closed, nothing in the database — columns, keys, order on disk, transaction ids,
old row versions — tells how an organisation voted. And one vote per member when the same
delegate posts from several devices at once. PostgreSQL, committed transactions."""

import json
import threading

import pytest
from django.db import connection, connections

from assembly import attendance, roll, voting
from assembly.choices import MotionKind
from assembly.factories import MotionFactory, member_in_good_standing
from assembly.models import Candidate, Participation, SecretBallot
from assembly.tests.conftest import signed_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

VOTERS = 8


@pytest.fixture
def present(assembly):
    for number in range(VOTERS):
        member_in_good_standing(f"Coop {number}")
    roll.draw(assembly)
    voters = list(assembly.roll.select_related("member").order_by("member__name"))
    for voter in voters:
        attendance.arrive(voter, voter.delegate)
    return voters


def rows(table: str, motion_id: int) -> list[dict]:
    """Each row with PostgreSQL's system columns, in the order it lies on disk."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT xmin::text AS xmin, ctid::text AS ctid, * FROM {table} "  # noqa: S608
            "WHERE motion_id = %s ORDER BY ctid",
            [motion_id],
        )
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def columns(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s",
            [table],
        )
        return dict(cursor.fetchall())


def heap_xmins(table: str) -> set[str]:
    """The transaction ids of every row version still on the table's pages, dead ones
    included (pageinspect, as an administrator would look)."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        pages = cursor.fetchone()[0]
        found = set()
        for page in range(pages):
            cursor.execute(
                "SELECT t_xmin::text FROM heap_page_items(get_raw_page(%s, %s)) "
                "WHERE t_xmin IS NOT NULL",
                [table, page],
            )
            found |= {xmin for (xmin,) in cursor.fetchall()}
        return found


def test_nothing_in_the_database_links_a_secret_ballot_to_its_voter(assembly, present):
    motion = MotionFactory(assembly=assembly, kind=MotionKind.ELECTION, seats=1, secret=True)
    candidates = [
        Candidate.objects.create(motion=motion, name=f"Candidate {n}", sort_order=n)
        for n in range(VOTERS)
    ]
    voting.open_vote(motion)
    # Voter n (in the order they voted) picks candidate n: every ballot is different.
    for voter, candidate in zip(present, candidates, strict=True):
        voting.cast(motion, voter, voter.delegate, candidates=[candidate.pk])
    voting.close_vote(motion)

    ballots_table, participations_table = SecretBallot._meta.db_table, Participation._meta.db_table
    # No column that could name the voter, or say when.
    assert set(columns(ballots_table)) == {"id", "motion_id", "choice", "candidates"}
    assert set(columns(participations_table)) == {"id", "motion_id", "voter_id"}
    for table in (ballots_table, participations_table):
        assert not any("time" in kind or "date" in kind for kind in columns(table).values())

    ballots, participations = rows(ballots_table, motion.pk), rows(participations_table, motion.pk)
    assert len(ballots) == len(participations) == VOTERS
    # One transaction id for every row of both tables: the close's, not the voters'.
    assert len({row["xmin"] for row in ballots} | {row["xmin"] for row in participations}) == 1
    # No older row version left on disk (the voters' own inserts were vacuumed away).
    assert heap_xmins(ballots_table) == {ballots[0]["xmin"]}
    assert heap_xmins(participations_table) == {participations[0]["xmin"]}

    # The order on disk, or of the keys, does not give the order of the votes back.
    position = {voter.pk: n for n, voter in enumerate(present)}
    chosen = {candidate.pk: n for n, candidate in enumerate(candidates)}
    voters_on_disk = [position[row["voter_id"]] for row in participations]
    ballots_on_disk = [chosen[json.loads(row["candidates"])[0]] for row in ballots]
    assert voters_on_disk != ballots_on_disk  # pairing the two orders gives a wrong answer
    by_key = [
        chosen[json.loads(row["candidates"])[0]] for row in sorted(ballots, key=lambda r: r["id"])
    ]
    voters_by_key = [
        position[row["voter_id"]] for row in sorted(participations, key=lambda r: r["id"])
    ]
    assert by_key != voters_by_key
    # And the counts are right.
    assert motion.__class__.objects.get(pk=motion.pk).results["voters"] == VOTERS


def test_one_vote_per_member_when_a_delegate_votes_from_several_devices_at_once(
    assembly, present, space
):
    """Six devices of the same delegate post six different choices at the same instant
    (barrier), through the whole stack: one ballot is counted, and every device is answered
    with a page, not an error."""
    motion = MotionFactory(assembly=assembly, secret=True)
    voting.open_vote(motion)
    delegate = present[0].delegate
    devices = [signed_in(delegate) for _ in range(6)]
    barrier = threading.Barrier(len(devices))
    answers: list[str] = []

    def vote(client, choice):
        try:
            barrier.wait(timeout=10)
            response = client.post(
                f"/fr/espace-membre/assemblee/vote/{motion.pk}/", {"choice": choice}, follow=True
            )
            page = response.content.decode()
            assert response.status_code == 200
            if f"Votre vote sur le point {motion.number} est enregistré" in page:
                answers.append("counted")
            elif "Votre organisation a déjà voté sur ce point" in page:
                answers.append("already")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=vote, args=(client, choice))
        for client, choice in zip(
            devices, ["for", "against", "abstain", "for", "against", "abstain"], strict=True
        )
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(answers) == ["already"] * 5 + ["counted"]
    assert Participation.objects.filter(motion=motion).count() == 1
    results = voting.close_vote(motion).results
    assert results["voters"] == 1 and sum(results["counts"].values()) == 1
