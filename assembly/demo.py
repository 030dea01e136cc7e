"""Demo content of the assembly app: the next annual general assembly (the event of the
events' demo) with its roll drawn from the register and three votes prepared — the
2024-2025 annual report (simple majority, open), three directors among four candidates
(secret ballot), a by-law change (two thirds) — and last year's assembly with its results
(and so its draft minutes). The demo's active member's principal contact is on the
upcoming roll: sign in to the member space as them to take part."""

import datetime

from django.utils import timezone

from consortium.bootstrap.demo import DemoContext, demo_step
from events.models import Audience, EventPage, Kind

from . import attendance, roll, voting
from .choices import Choice, Majority, MotionKind, QuorumKind
from .models import Assembly, Attendance, Candidate, Motion

MEETING_URL = "https://visio.example.org/assemblee-generale"
CANDIDATES = ["Camille Exemple", "Dominique Exemple", "Alexis Exemple", "Noémie Exemple"]
MOTIONS = [
    (
        ("Adoption du rapport annuel 2024-2025", "Adopting the 2024-2025 annual report"),
        MotionKind.PROPOSAL,
        Majority.SIMPLE,
        1,
        False,
    ),
    (
        (
            "Élection de trois administratrices ou administrateurs",
            "Electing three directors",
        ),
        MotionKind.ELECTION,
        Majority.SIMPLE,
        3,
        True,
    ),
    (
        (
            "Modification du règlement de régie interne (article 12)",
            "Amending the by-laws (section 12)",
        ),
        MotionKind.PROPOSAL,
        Majority.TWO_THIRDS,
        1,
        False,
    ),
]
PAST = {
    "title": ("Assemblée générale annuelle 2025", "Annual general assembly 2025"),
    "slug": ("assemblee-generale-2025", "general-assembly-2025"),
    "day": datetime.date(2025, 6, 12),
}


def _prepare(assembly: Assembly) -> list[Motion]:
    motions = []
    for number, ((title, title_en), kind, majority, seats, secret) in enumerate(MOTIONS, 1):
        motion = Motion.objects.create(
            assembly=assembly,
            number=number,
            title=title,
            title_en=title_en,
            kind=kind,
            majority=majority,
            seats=seats,
            secret=secret,
        )
        if kind == MotionKind.ELECTION:
            for order, name in enumerate(CANDIDATES):
                Candidate.objects.create(motion=motion, name=name, sort_order=order)
        motions.append(motion)
    return motions


def _past_event(ctx: DemoContext, index) -> EventPage:
    page = EventPage.objects.child_of(index).filter(slug=PAST["slug"][0]).first()
    if page is None:
        start = timezone.make_aware(datetime.datetime.combine(PAST["day"], datetime.time(13)))
        page = EventPage(
            title=PAST["title"][0],
            slug=PAST["slug"][0],
            kind=Kind.GENERAL_ASSEMBLY,
            audience=Audience.MEMBERS,
            start=start,
            end=start + datetime.timedelta(hours=3),
            summary="L’assemblée générale annuelle 2025 des membres du Consortium.",
            location="Lévis",
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.translate(
            page,
            dict(
                [
                    PAST["title"],
                    PAST["slug"],
                    (
                        "L’assemblée générale annuelle 2025 des membres du Consortium.",
                        "The 2025 annual general assembly of the Consortium’s members.",
                    ),
                    ("Lévis", "Lévis"),
                ]
            ),
        )
    return page


def _as_it_happened(past: Assembly) -> None:
    """The past assembly's record at its own times (the votes were cast just now): the
    delegates arrived at the start and left at the end; each vote took ten minutes."""
    event = past.event
    Attendance.objects.filter(voter__assembly=past).update(
        arrived_at=event.start, left_at=event.end
    )
    for number, motion in enumerate(past.motions.order_by("number"), start=1):
        motion.opened_at = event.start + datetime.timedelta(minutes=20 * number)
        motion.closed_at = motion.opened_at + datetime.timedelta(minutes=10)
        motion.save(update_fields=["opened_at", "closed_at"])


@demo_step(640)
def build(ctx: DemoContext):
    """The upcoming assembly (roll, three votes) and last year's (its results)."""
    upcoming = ctx.pages.get("event:aga")
    if upcoming is None or Assembly.objects.exists():
        return
    assembly = Assembly.objects.create(
        event=upcoming,
        roll_closes_at=upcoming.start - datetime.timedelta(days=2),
        quorum_kind=QuorumKind.SHARE,
        quorum_value=10,
        meeting_url=MEETING_URL,
    )
    roll.draw(assembly)
    _prepare(assembly)
    ctx.created(f"general assembly « {upcoming.title} »: roll and three votes")

    past = Assembly.objects.create(
        event=_past_event(ctx, ctx.pages["events"]),
        roll_closes_at=timezone.now() + datetime.timedelta(minutes=5),  # drawn, then frozen
        quorum_kind=QuorumKind.SHARE,
        quorum_value=10,
    )
    roll.draw(past)
    voters = list(past.roll.select_related("member").prefetch_related("member__contacts"))
    for voter in voters:
        attendance.arrive(voter, voter.delegate)
    for motion in _prepare(past):
        voting.open_vote(motion)
        for voter in voters:
            if motion.kind == MotionKind.ELECTION:
                chosen = list(motion.candidates.values_list("pk", flat=True)[:3])
                voting.cast(motion, voter, voter.delegate, candidates=chosen)
            else:
                voting.cast(motion, voter, voter.delegate, choice=Choice.FOR)
        voting.close_vote(motion)
    _as_it_happened(past)
    past.roll_closes_at = past.event.start - datetime.timedelta(days=2)
    past.save(update_fields=["roll_closes_at"])
    ctx.created(f"general assembly « {past.event.title} »: results")
