"""Attendance, quorum, and votes from opening to results: proposals at a simple or a
two-thirds majority, an election of N seats among candidates, open or secret; only
delegates present vote, once (issue #34)."""

import pytest

from assembly import attendance, roll, voting
from assembly.choices import Choice, Majority, MotionKind, MotionStatus, QuorumKind
from assembly.factories import MotionFactory
from assembly.models import Candidate, OpenBallot, Participation, SecretBallot

pytestmark = pytest.mark.django_db


@pytest.fixture
def voters(assembly, register):
    """The three voters, their delegates present."""
    roll.draw(assembly)
    present = []
    for voter in assembly.roll.select_related("member"):
        delegate = voter.delegate
        attendance.arrive(voter, delegate)
        present.append((voter, delegate))
    return present


def test_quorum_counts_the_delegates_present_against_the_roll(assembly, register):
    roll.draw(assembly)
    voters = list(assembly.roll.all())
    assert attendance.quorum(assembly) == attendance.Quorum(present=0, roll=3, required=2)
    attendance.arrive(voters[0], voters[0].delegate)
    attendance.arrive(voters[0], voters[0].delegate)  # twice: once
    assert not attendance.quorum(assembly).reached
    attendance.arrive(voters[1], voters[1].delegate)
    assert attendance.quorum(assembly).reached
    attendance.leave(voters[1])
    assert attendance.quorum(assembly).present == 1
    assembly.quorum_kind, assembly.quorum_value = QuorumKind.SHARE, 50
    assert attendance.quorum(assembly).required == 2  # half of 3, rounded up


def test_the_quorum_costs_the_same_queries_whatever_the_roll(
    assembly, register, django_assert_num_queries
):
    roll.draw(assembly)
    with django_assert_num_queries(2):
        attendance.quorum(assembly)


def test_an_open_proposal_from_opening_to_outcome(assembly, voters):
    motion = MotionFactory(assembly=assembly)
    (first, first_delegate), (second, second_delegate), (third, third_delegate) = voters
    with pytest.raises(voting.VoteRefused):  # not open yet
        voting.cast(motion, first, first_delegate, choice=Choice.FOR)
    voting.open_vote(motion)
    voting.cast(motion, first, first_delegate, choice=Choice.FOR)
    with pytest.raises(voting.AlreadyVoted):
        voting.cast(motion, first, first_delegate, choice=Choice.AGAINST)
    voting.cast(motion, second, second_delegate, choice=Choice.AGAINST)
    attendance.leave(third)
    with pytest.raises(voting.VoteRefused):  # only delegates present
        voting.cast(motion, third, third_delegate, choice=Choice.FOR)
    motion = voting.close_vote(motion)
    assert motion.status == MotionStatus.CLOSED
    assert motion.results == {
        "voters": 2,
        "counts": {"for": 1, "against": 1, "abstain": 0},
        "adopted": False,  # a tie is not a majority
        "present": 2,  # the delegates present when it closed, against the roll
        "roll": 3,
        "quorum": True,
    }
    assert OpenBallot.objects.get(voter=first).choice == Choice.FOR  # open: who voted what
    with pytest.raises(voting.VoteRefused):
        voting.cast(motion, third, third_delegate, choice=Choice.FOR)


def test_two_thirds_of_the_votes_cast_abstentions_apart(assembly, voters):
    motion = MotionFactory(assembly=assembly, majority=Majority.TWO_THIRDS)
    voting.open_vote(motion)
    for (voter, delegate), choice in zip(
        voters, [Choice.FOR, Choice.FOR, Choice.ABSTAIN], strict=True
    ):
        voting.cast(motion, voter, delegate, choice=choice)
    assert voting.close_vote(motion).results["adopted"] is True  # 2 of 2 votes cast
    second = MotionFactory(assembly=assembly, majority=Majority.TWO_THIRDS)
    voting.open_vote(second)
    for (voter, delegate), choice in zip(
        voters, [Choice.FOR, Choice.FOR, Choice.AGAINST], strict=True
    ):
        voting.cast(second, voter, delegate, choice=choice)
    assert voting.close_vote(second).results["adopted"] is True  # 2 of 3: two thirds
    third = MotionFactory(assembly=assembly, majority=Majority.TWO_THIRDS)
    voting.open_vote(third)
    for (voter, delegate), choice in zip(
        voters, [Choice.FOR, Choice.AGAINST, Choice.AGAINST], strict=True
    ):
        voting.cast(third, voter, delegate, choice=choice)
    assert voting.close_vote(third).results["adopted"] is False


def test_a_secret_election_of_two_seats_among_three_candidates(assembly, voters):
    motion = MotionFactory(assembly=assembly, kind=MotionKind.ELECTION, seats=2, secret=True)
    anne, bruno, chloe = (
        Candidate.objects.create(motion=motion, name=name, sort_order=order)
        for order, name in enumerate(["Anne", "Bruno", "Chloé"])
    )
    voting.open_vote(motion)
    (first, d1), (second, d2), (third, d3) = voters
    with pytest.raises(voting.VoteRefused):  # more than two
        voting.cast(motion, first, d1, candidates=[anne.pk, bruno.pk, chloe.pk])
    voting.cast(motion, first, d1, candidates=[anne.pk, bruno.pk])
    voting.cast(motion, second, d2, candidates=[anne.pk, chloe.pk])
    voting.cast(motion, third, d3, candidates=[])  # a blank ballot
    with pytest.raises(voting.AlreadyVoted):
        voting.cast(motion, third, d3, candidates=[anne.pk])
    assert voting.has_voted(motion, third)
    results = voting.close_vote(motion).results
    assert results["voters"] == 3 and results["blank"] == 1
    assert results["counts"] == {str(anne.pk): 2, str(bruno.pk): 1, str(chloe.pk): 1}
    assert results["elected"] == [anne.pk] and results["tie"] is True  # Bruno and Chloé tie
    assert Participation.objects.filter(motion=motion).count() == 3
    assert SecretBallot.objects.filter(motion=motion).count() == 3
    assert not OpenBallot.objects.exists()


def test_one_vote_open_at_a_time(assembly, voters):
    first, second = MotionFactory(assembly=assembly), MotionFactory(assembly=assembly)
    voting.open_vote(first)
    with pytest.raises(voting.VoteRefused):
        voting.open_vote(second)
    voting.close_vote(first)
    voting.open_vote(second)
