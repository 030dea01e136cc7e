"""The draft of the minutes (« projet de procès-verbal ») of an assembly, in French, from
what the site recorded: the assembly's date and place, the roll, the delegates present
with their arrival and departure times, the quorum, and each vote's question, counts,
outcome and the delegates present at its close. The secretary finishes it (the
deliberations are theirs to write); it is printed from the chair's panel or downloaded as
text.
"""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.formats import date_format

from . import attendance
from .choices import MotionStatus
from .models import Assembly, Attendance
from .results import Result, describe


@dataclass(frozen=True)
class Minutes:
    title: str
    held: str
    place: str
    present: list[tuple[str, str, str, str]]  # (member, delegate, arrival, departure or "")
    quorum: attendance.Quorum
    results: list[Result]

    def as_text(self) -> str:
        lines = [
            f"PROJET DE PROCÈS-VERBAL — {self.title}",
            "",
            f"Tenue le {self.held}{', ' + self.place if self.place else ''}, en présence et "
            "à distance (moyens technologiques).",
            "",
            "1. Présences et quorum",
            f"Membres inscrits sur la liste des votants : {self.quorum.roll}. Personnes déléguées "
            f"présentes : {len(self.present)}. Quorum requis : {self.quorum.required} — "
            + ("atteint." if self.quorum.reached else "non atteint."),
            "",
            *(
                f"- {member}, représenté par {delegate} (arrivée {arrived}"
                + (f", départ {left})" if left else ")")
                for member, delegate, arrived, left in self.present
            ),
            "",
        ]
        for number, result in enumerate(self.results, start=2):
            lines += [
                f"{number}. Point {result.number} — {result.title}",
                ("Scrutin secret." if result.secret else "Vote à découvert.")
                + f" Membres ayant voté : {result.voters}."
                + (
                    f" Personnes déléguées présentes à la clôture : {result.present} sur "
                    f"{result.roll} (quorum " + ("atteint)." if result.quorum else "non atteint).")
                    if result.present is not None
                    else ""
                ),
                *(f"- {what} : {count}" for what, count in result.counts),
                f"Résultat : {result.outcome}",
                "[Délibérations : à compléter par le secrétariat.]",
                "",
            ]
        lines += ["Levée de l’assemblée : [heure, à compléter].", "", "Secrétaire d’assemblée :"]
        return "\n".join(lines) + "\n"


def draft(assembly: Assembly) -> Minutes:
    """The draft in French, whatever the reader's language (the minutes are French)."""
    with translation.override("fr"):
        event = assembly.event
        present = (
            Attendance.objects.filter(voter__assembly=assembly)
            .select_related("voter__member", "contact")
            .order_by("arrived_at")
        )
        motions = assembly.motions.filter(status=MotionStatus.CLOSED).prefetch_related("candidates")
        on_roll = assembly.roll.count()
        return Minutes(
            title=str(event.title),
            held=date_format(timezone.localtime(event.start), "DATETIME_FORMAT"),
            place=event.location,
            present=[
                (
                    row.voter.member.name,
                    row.contact.name,
                    date_format(timezone.localtime(row.arrived_at), "TIME_FORMAT"),
                    date_format(timezone.localtime(row.left_at), "TIME_FORMAT")
                    if row.left_at
                    else "",
                )
                for row in present
            ],
            quorum=attendance.Quorum(
                present=len(present),
                roll=on_roll,
                required=attendance.required_for(assembly, on_roll),
            ),
            results=[describe(motion, "fr") for motion in motions],
        )
