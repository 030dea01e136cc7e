"""Who is present, and whether the assembly has its quorum (SPEC §14).

A delegate says « Je suis présent·e » from the assembly's page (:func:`arrive`); the
quorum is the delegates present against the roll, reached at the assembly's number of
voters or percentage of the roll. :func:`quorum` costs two queries, whatever the size of
the roll.
"""

import math
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.models import MemberContact

from .choices import QuorumKind
from .models import Assembly, Attendance, Voter


@dataclass(frozen=True)
class Quorum:
    present: int
    roll: int
    required: int

    @property
    def reached(self) -> bool:
        return self.roll > 0 and self.present >= self.required


def required_for(assembly: Assembly, roll: int) -> int:
    if assembly.quorum_kind == QuorumKind.SHARE:
        return math.ceil(roll * assembly.quorum_value / 100)
    return assembly.quorum_value


def quorum(assembly: Assembly) -> Quorum:
    roll = assembly.roll.count()
    present = Attendance.objects.filter(voter__assembly=assembly, left_at__isnull=True).count()
    return Quorum(present=present, roll=roll, required=required_for(assembly, roll))


def arrive(voter: Voter, contact: MemberContact) -> Attendance:
    """``contact`` (the voter's delegate) is present; saying it twice changes nothing, and
    coming back after leaving clears the departure."""
    try:
        with transaction.atomic():
            return Attendance.objects.create(
                voter=voter, contact=contact, arrived_at=timezone.now()
            )
    except IntegrityError:
        attendance = Attendance.objects.get(voter=voter)
        if attendance.left_at is not None:
            attendance.left_at = None
            attendance.save(update_fields=["left_at"])
        return attendance


def leave(voter: Voter) -> None:
    Attendance.objects.filter(voter=voter, left_at__isnull=True).update(left_at=timezone.now())


def is_present(voter: Voter) -> bool:
    return Attendance.objects.filter(voter=voter, left_at__isnull=True).exists()
