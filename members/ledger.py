"""A member's share totals, computed from its ledger (never stored, so never out of step).

Every movement has a number of shares and an amount, both ≥ 0; its kind says which way
they go, seen from the member:

- souscription (subscription): shares held + n, value of the shares held + amount;
- paiement (payment): amount paid + amount;
- rachat (redemption: the Consortium buys shares back): shares − n, value − amount;
- remboursement (repayment of redeemed shares): amount paid − amount;
- transfert (transfer of paid-up shares to another member): the giver's shares, value and
  amount paid − n / amount; the receiver's + n / amount.

The amount owing is what the shares held are worth beyond what was paid; when more was
paid than they are worth (shares redeemed, not yet repaid), the difference is owed *to*
the member (``to_repay``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from .models import Member, MovementKind, ShareMovement

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Totals:
    shares_held: int = 0
    value: Decimal = ZERO
    paid: Decimal = ZERO

    @property
    def owing(self) -> Decimal:
        return max(self.value - self.paid, ZERO)

    @property
    def to_repay(self) -> Decimal:
        return max(self.paid - self.value, ZERO)


def apply(
    totals: Totals, kind: str, shares: int, amount: Decimal, *, incoming: bool = False
) -> Totals:
    """``totals`` after one movement (``incoming``: a transfer received)."""
    held, value, paid = totals.shares_held, totals.value, totals.paid
    if kind == MovementKind.SUBSCRIPTION:
        held, value = held + shares, value + amount
    elif kind == MovementKind.PAYMENT:
        paid += amount
    elif kind == MovementKind.REDEMPTION:
        held, value = held - shares, value - amount
    elif kind == MovementKind.REPAYMENT:
        paid -= amount
    elif kind == MovementKind.TRANSFER:
        sign = 1 if incoming else -1
        held, value, paid = held + sign * shares, value + sign * amount, paid + sign * amount
    else:
        raise ValueError(f"unknown movement {kind!r}")
    return Totals(held, value, paid)


def totals_of(member_id: int, movements: Iterable[ShareMovement]) -> Totals:
    """The totals of ``member_id`` from ``movements`` (its own, and the transfers it
    received: see ``movements_of``), in any order."""
    totals = Totals()
    for movement in movements:
        incoming = movement.kind == MovementKind.TRANSFER and movement.member_id != member_id
        totals = apply(totals, movement.kind, movement.shares, movement.amount, incoming=incoming)
    return totals


def movements_of(member: Member) -> list[ShareMovement]:
    """Its ledger, with the transfers it received, by date (two queries, or none when
    both relations were prefetched)."""
    rows = [*member.movements.all(), *member.transfers_in.all()]
    return sorted(rows, key=lambda movement: (movement.date, movement.pk or 0))


def member_totals(member: Member) -> Totals:
    return totals_of(member.pk, movements_of(member))


def qualifying_shares_paid(member: Member, totals: Totals) -> bool:
    """It holds its category's qualifying shares and they are paid."""
    category = member.category
    if category is None or category.qualifying_amount is None:
        return False
    return (
        totals.shares_held >= category.qualifying_shares
        and totals.paid >= category.qualifying_amount
        and totals.owing == ZERO
    )


def refusal(totals: Totals, kind: str, shares: int, amount: Decimal) -> str | None:
    """Why a movement cannot follow ``totals`` (more shares, or more value, redeemed or
    transferred than held; shares not paid up transferred; more repaid than paid), or
    None."""
    if kind in (MovementKind.REDEMPTION, MovementKind.TRANSFER):
        if shares > totals.shares_held:
            return gettext("The member holds only %(count)s share(s).") % {
                "count": totals.shares_held
            }
        if amount > totals.value:
            return gettext("The shares held are worth only %(amount)s $.") % {
                "amount": totals.value
            }
    if kind == MovementKind.TRANSFER and amount > totals.paid:
        return gettext("Only paid-up shares are transferred: %(amount)s $ were paid.") % {
            "amount": totals.paid
        }
    if kind == MovementKind.REPAYMENT and amount > totals.paid:
        return gettext("Only %(amount)s $ were paid.") % {"amount": totals.paid}
    return None
