"""A closed vote's results as people read them, in the language of the page: the counts
by choice or candidate, and the outcome (adopted or rejected; who is elected)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import Choice, Majority, MotionKind
from .models import Motion


@dataclass(frozen=True)
class Result:
    number: int
    title: str
    secret: bool
    voters: int
    counts: list[tuple[str, int]]  # (what, how many), in the ballot's order
    outcome: str
    present: int | None = None  # delegates present when the vote closed
    roll: int | None = None
    quorum: bool | None = None


def describe(motion: Motion, language: str) -> Result:
    results = motion.results or {}
    counts = results.get("counts", {})
    if motion.kind == MotionKind.PROPOSAL:
        lines = [(str(label), counts.get(value, 0)) for value, label in Choice.choices]
        if results.get("adopted"):
            outcome = (
                _("Adopted at two thirds of the votes cast.")
                if motion.majority == Majority.TWO_THIRDS
                else _("Adopted.")
            )
        else:
            outcome = _("Rejected.")
    else:
        candidates = list(motion.candidates.all())
        names = {candidate.pk: candidate.name for candidate in candidates}
        lines = [(candidate.name, counts.get(str(candidate.pk), 0)) for candidate in candidates]
        lines.append((_("Blank ballots"), results.get("blank", 0)))
        elected = ", ".join(names[pk] for pk in results.get("elected", []) if pk in names)
        outcome = _("Elected: %(names)s.") % {"names": elected} if elected else _("No one elected.")
        if results.get("tie"):
            outcome += " " + _("A tie for the last seat: a new round is needed.")
    return Result(
        number=motion.number,
        title=motion.title_in(language),
        secret=motion.secret,
        voters=results.get("voters", 0),
        counts=lines,
        outcome=outcome,
        present=results.get("present"),
        roll=results.get("roll"),
        quorum=results.get("quorum"),
    )
