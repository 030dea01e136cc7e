"""The roll of voters, drawn from the register (SPEC §14).

A member organisation is on the roll when it is active and holds its category's
qualifying shares, paid (members.ledger.qualifying_shares_paid), and has a contact to vote
for it: one member, one vote, no proxies. Staff draw the roll (:func:`draw`) as often as
they like until it closes (``Assembly.roll_closes_at``); then it is frozen. Until then a
member may designate another of its contacts as its delegate (:func:`designate`); the
principal contact votes otherwise.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from members import ledger
from members.models import Member, MemberContact, MemberStatus

from .choices import Exclusion
from .models import Assembly, RollExclusion, Voter

DRAWN = "assembly.roll_drawn"
DESIGNATED = "assembly.delegate_designated"

STATUS_EXCLUSIONS = {
    MemberStatus.PENDING: Exclusion.PENDING,
    MemberStatus.SUSPENDED: Exclusion.SUSPENDED,
    MemberStatus.RESIGNED: Exclusion.RESIGNED,
    MemberStatus.EXCLUDED: Exclusion.EXCLUDED,
}


class RollFrozen(Exception):
    """The roll has closed: it is no longer drawn, and delegates no longer change."""


def is_frozen(assembly: Assembly) -> bool:
    return timezone.now() >= assembly.roll_closes_at


def exclusion_of(member: Member) -> str | None:
    """Why ``member`` may not vote, or None (its contacts prefetched)."""
    if member.status != MemberStatus.ACTIVE:
        return STATUS_EXCLUSIONS.get(member.status, Exclusion.EXCLUDED)
    if not ledger.qualifying_shares_paid(member, ledger.member_totals(member)):
        return Exclusion.SHARES_UNPAID
    if not member.contacts.all():
        return Exclusion.NO_CONTACT
    return None


@transaction.atomic
def draw(assembly: Assembly, *, user=None) -> tuple[int, int]:
    """Draws the roll from the register as it stands; returns (voters, left off). A
    member still on it keeps the delegate it designated."""
    assembly = Assembly.objects.select_for_update().get(pk=assembly.pk)
    if is_frozen(assembly):
        raise RollFrozen
    members = Member.objects.select_related("category").prefetch_related(
        "contacts", "movements", "transfers_in"
    )
    eligible, left_off = [], []
    for member in members:
        reason = exclusion_of(member)
        if reason is None:
            eligible.append(member)
        else:
            left_off.append(RollExclusion(assembly=assembly, member=member, reason=reason))
    assembly.roll.exclude(member__in=eligible).delete()
    present = set(assembly.roll.values_list("member_id", flat=True))
    Voter.objects.bulk_create(
        [Voter(assembly=assembly, member=member) for member in eligible if member.pk not in present]
    )
    assembly.exclusions.all().delete()
    RollExclusion.objects.bulk_create(left_off)
    assembly.roll_drawn_at = timezone.now()
    assembly.save(update_fields=["roll_drawn_at"])
    log(
        instance=assembly,
        action=DRAWN,
        user=user,
        data={"voters": len(eligible), "left_off": len(left_off)},
    )
    return len(eligible), len(left_off)


def entry_of(assembly: Assembly, member_id: int) -> Voter | None:
    """The roll's entry of a member, with its contacts (to know its delegate), or None."""
    return (
        assembly.roll.filter(member_id=member_id)
        .select_related("member")
        .prefetch_related("member__contacts")
        .first()
    )


def votes_for(entry: Voter | None, contact: MemberContact) -> bool:
    """Whether ``contact`` is the delegate of ``entry`` (Voter.delegate): no proxies."""
    delegate = entry.delegate if entry is not None else None
    return delegate is not None and delegate.pk == contact.pk


def voter_for(assembly: Assembly, contact: MemberContact) -> Voter | None:
    """The roll's entry ``contact`` votes for, if it is the delegate of one."""
    entry = entry_of(assembly, contact.member_id)
    return entry if votes_for(entry, contact) else None


@transaction.atomic
def designate(assembly: Assembly, member: Member, contact: MemberContact, *, by=None) -> Voter:
    """``member`` names ``contact`` (one of its contacts) its delegate, until the roll
    closes."""
    if is_frozen(assembly):
        raise RollFrozen
    if contact.member_id != member.pk:
        raise ValueError("the delegate must be one of the member's contacts")
    voter = assembly.roll.select_for_update().get(member=member)
    voter.designated = None if contact.is_principal else contact
    voter.save(update_fields=["designated"])
    log(
        instance=assembly,
        action=DESIGNATED,
        user=by,
        data={"member": member.name, "delegate": contact.name},
    )
    return voter
