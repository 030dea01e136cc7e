"""Votes of the assembly (SPEC §14): the chair opens and closes them; each delegate
present votes once per item; the counts and outcome are written when the vote closes.

One vote per member, whatever happens: a ballot and the record that the member voted are
written in one transaction, under a unique constraint (two clicks, two devices at once:
the second is refused, the first stands); the vote's row is locked while a ballot is
written, and exclusively while it closes, so no ballot is counted after the close or lost
by it. Nothing depends on Redis.

**A secret vote that stays secret.** Who voted (:class:`~assembly.models.Participation`:
the vote, the voter) and what was voted (:class:`~assembly.models.SecretBallot`: the vote,
the choice) are two tables with nothing in common: no key (random UUIDs), no time, no
sequence. What remains is how a database stores rows: while the vote is open, PostgreSQL
gives a ballot and its participation the same transaction id (``xmin``) and neighbouring
places on disk (``ctid``). So when the vote closes, both tables' rows of that vote are
written again, in a random order (``secrets.SystemRandom``), in the one closing
transaction — every row then carries the same transaction id and an order that says
nothing — and the old versions are vacuumed away. From then on nobody reading the
database, staff or administrator, can tell how an organisation voted
(tests/test_secret_ballot.py reads it as an administrator would, system columns included).
While a vote is open the server necessarily sees each ballot go by; the audit log never
records a secret choice.
"""

import secrets
from collections import Counter

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from members.models import MemberContact

from . import attendance
from .choices import Choice, Majority, MotionKind, MotionStatus
from .models import Motion, OpenBallot, Participation, SecretBallot, Voter

OPENED = "assembly.vote_opened"
CLOSED = "assembly.vote_closed"


class VoteRefused(Exception):
    """A ballot that cannot be taken; ``reason`` says why, for the person."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


class AlreadyVoted(VoteRefused):
    def __init__(self):
        super().__init__(_("Your organisation has already voted on this item."))


def open_vote(motion: Motion, *, user=None) -> Motion:
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        if motion.status != MotionStatus.PREPARED:
            raise VoteRefused(_("This vote is not waiting to be opened."))
        if motion.assembly.motions.filter(status=MotionStatus.OPEN).exists():
            raise VoteRefused(_("Another vote is open: close it first."))
        motion.status, motion.opened_at = MotionStatus.OPEN, timezone.now()
        motion.save(update_fields=["status", "opened_at"])
        log(instance=motion, action=OPENED, user=user, data={"number": motion.number})
    return motion


def _checked(motion: Motion, choice: str, candidates) -> tuple[str, list[int]]:
    if motion.kind == MotionKind.PROPOSAL:
        if choice not in Choice.values:
            raise VoteRefused(_("Choose “For”, “Against” or “Abstention”."))
        return choice, []
    chosen = sorted({int(candidate) for candidate in candidates})
    known = set(motion.candidates.values_list("pk", flat=True))
    if not set(chosen) <= known:
        raise VoteRefused(_("Choose among the candidates of this vote."))
    if len(chosen) > motion.seats:
        raise VoteRefused(_("Choose at most %(seats)s candidates.") % {"seats": motion.seats})
    return "", chosen


def cast(
    motion: Motion, voter: Voter, contact: MemberContact, *, choice: str = "", candidates=()
) -> None:
    """The ballot of ``voter``, cast by its delegate ``contact`` (the caller checked it is
    the delegate): refused unless the vote is open and the delegate present; refused as
    :class:`AlreadyVoted` the second time."""
    with transaction.atomic():
        # Many ballots at once, but none while the vote closes (it locks the row for update).
        motion = Motion.objects.select_for_update(no_key=True).get(pk=motion.pk)
        if motion.status != MotionStatus.OPEN:
            raise VoteRefused(_("This vote is not open."))
        if voter.assembly_id != motion.assembly_id or not attendance.is_present(voter):
            raise VoteRefused(_("Only the delegates present may vote."))
        choice, chosen = _checked(motion, choice, candidates)
        try:
            with transaction.atomic():
                if motion.secret:
                    Participation.objects.create(motion=motion, voter=voter)
                    SecretBallot.objects.create(motion=motion, choice=choice, candidates=chosen)
                else:
                    OpenBallot.objects.create(
                        motion=motion,
                        voter=voter,
                        contact=contact,
                        choice=choice,
                        candidates=chosen,
                        cast_at=timezone.now(),
                    )
        except IntegrityError as error:
            raise AlreadyVoted from error


def has_voted(motion: Motion, voter: Voter) -> bool:
    ballots = motion.participations if motion.secret else motion.open_ballots
    return ballots.filter(voter=voter).exists()


def ballots_in(motion: Motion) -> int:
    """How many ballots ``motion`` has received (nothing of what they say)."""
    ballots = motion.secret_ballots if motion.secret else motion.open_ballots
    return ballots.count()


def tally(motion: Motion) -> dict:
    """The counts of ``motion``'s ballots and its outcome (no one's ballot in it)."""
    ballots = motion.secret_ballots if motion.secret else motion.open_ballots
    rows = list(ballots.values_list("choice", "candidates"))
    if motion.kind == MotionKind.PROPOSAL:
        counts = Counter(choice for choice, _candidates in rows)
        votes_for, against = counts[Choice.FOR], counts[Choice.AGAINST]
        cast_votes = votes_for + against  # abstentions are not votes cast
        if motion.majority == Majority.TWO_THIRDS:
            adopted = cast_votes > 0 and 3 * votes_for >= 2 * cast_votes
        else:
            adopted = votes_for > against
        return {
            "voters": len(rows),
            "counts": {choice: counts[choice] for choice in Choice.values},
            "adopted": adopted,
        }
    counts = Counter(candidate for _choice, chosen in rows for candidate in chosen)
    names = list(motion.candidates.values_list("pk", flat=True))
    ranked = sorted(names, key=lambda pk: -counts[pk])
    elected, tie = ranked[: motion.seats], False
    if len(ranked) > motion.seats and counts[ranked[motion.seats]] == counts[elected[-1]]:
        # A tie for the last seat: those above it are elected, the chair calls a new round.
        tie = True
        elected = [pk for pk in elected if counts[pk] > counts[ranked[motion.seats]]]
    return {
        "voters": len(rows),
        "blank": sum(1 for _choice, chosen in rows if not chosen),
        "counts": {str(pk): counts[pk] for pk in names},
        "elected": elected,
        "tie": tie,
    }


def _reseal(motion: Motion) -> None:
    """Writes the vote's participations and ballots again, in a random order, in this
    transaction (see the module's docstring)."""
    shuffle = secrets.SystemRandom().shuffle
    ballots = list(motion.secret_ballots.values_list("choice", "candidates"))
    voters = list(motion.participations.values_list("voter_id", flat=True))
    shuffle(ballots)
    shuffle(voters)
    motion.secret_ballots.all().delete()
    motion.participations.all().delete()
    SecretBallot.objects.bulk_create(
        SecretBallot(motion=motion, choice=choice, candidates=chosen) for choice, chosen in ballots
    )
    Participation.objects.bulk_create(Participation(motion=motion, voter_id=pk) for pk in voters)


def _vacuum_ballots() -> None:
    """Removes the old versions of the resealed rows (PostgreSQL keeps them on disk until
    a vacuum); VACUUM runs outside a transaction only."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = (SecretBallot._meta.db_table, Participation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {', '.join(tables)}")


def close_vote(motion: Motion, *, user=None) -> Motion:
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        if motion.status != MotionStatus.OPEN:
            raise VoteRefused(_("This vote is not open."))
        # The record says how many delegates were present when the vote closed.
        present = attendance.quorum(motion.assembly)
        results = {
            **tally(motion),
            "present": present.present,
            "roll": present.roll,
            "quorum": present.reached,
        }
        if motion.secret:
            _reseal(motion)
            transaction.on_commit(_vacuum_ballots)
        motion.status, motion.closed_at, motion.results = (
            MotionStatus.CLOSED,
            timezone.now(),
            results,
        )
        motion.save(update_fields=["status", "closed_at", "results"])
        log(instance=motion, action=CLOSED, user=user, data={"number": motion.number, **results})
    return motion
