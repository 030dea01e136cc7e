"""What changes a member of the register: approval, a movement of shares, a status, its
contacts' access to the member space — each change written to the member's history.

- ``admit``: an approved application becomes a member « en attente », the
  applicant its principal contact, with a subscription of its category's qualifying
  shares when the category has them (their number and price are staff's settings);
- ``record_movement``: a line of the ledger (refused when it would leave fewer than no
  shares, or repay more than was paid); paying the qualifying shares makes a pending
  member active — and listed, if it consented;
- ``sync_access``: each contact's account of the member space (no password, never staff)
  is in the « Membres » group while one of its organisations is active, so member-only
  pages and documents open to it (Wagtail's view restrictions for that group).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from consortium.i18n.languages import default_language

from . import ledger
from .models import (
    Member,
    MemberCategory,
    MemberContact,
    MemberStatus,
    MovementKind,
    ShareMovement,
)
from .permissions import MEMBERS_GROUP

CHANGED = "membership.member.change"
MOVEMENT = "membership.member.movement"
CORRECTION = "membership.member.correction"
CONTACT_USERNAME_PREFIX = "member:"
# Contacts of these members may sign in to the member space.
SIGN_IN_STATUSES = [MemberStatus.PENDING, MemberStatus.ACTIVE, MemberStatus.SUSPENDED]


class RefusedMovement(ValueError):
    pass


def log_changes(member: Member, changes: list[dict], *, user: User | None = None) -> None:
    """One history entry for what changed: ``[{"field": name, "from": …, "to": …}]``, the
    name a field of Member or « contacts » / « movements » (shown by ``field_label``)."""
    if changes:
        log(instance=member, action=CHANGED, user=user, data={"changes": changes})


def category_for(name: str) -> MemberCategory | None:
    """The category an applicant chose, by its name in either language."""
    name = name.strip()
    return (
        MemberCategory.objects.filter(name__iexact=name).first()
        or MemberCategory.objects.filter(name_en__iexact=name).first()
    )


def admission_note() -> str:
    with translation.override(default_language()):
        return _("Qualifying shares, on admission")


@dataclass(frozen=True)
class Admission:
    """What the register needs to admit an organisation (an approved application gives it:
    membership.actions.approve)."""

    name: str
    neq: str
    legal_form: str
    region: str
    street_address: str
    city: str
    postal_code: str
    website: str
    category: str
    directory_consent: bool
    contact_name: str
    contact_role: str
    contact_email: str
    contact_phone: object


def admit(admission: Admission, *, user: User | None = None) -> Member:
    """A new member « en attente », the applicant its principal contact, with a
    subscription of its category's qualifying shares when the category has them."""
    today = timezone.localdate()
    category = category_for(admission.category)
    member = Member.objects.create(
        name=admission.name,
        neq=admission.neq,
        legal_form=admission.legal_form,
        region=admission.region,
        street_address=admission.street_address,
        city=admission.city,
        postal_code=admission.postal_code,
        website=admission.website,
        category=category,
        status=MemberStatus.PENDING,
        status_date=today,
        member_since=today,
        directory_consent=admission.directory_consent,
    )
    MemberContact.objects.create(
        member=member,
        name=admission.contact_name,
        role=admission.contact_role,
        email=admission.contact_email,
        phone=admission.contact_phone,
        is_principal=True,
    )
    log(instance=member, action="wagtail.create", user=user)
    if category is not None and category.qualifying_amount is not None:
        record_movement(
            member,
            MovementKind.SUBSCRIPTION,
            shares=category.qualifying_shares or 0,
            amount=category.qualifying_amount,
            date=today,
            note=admission_note(),
            user=user,
        )
    sync_access(member)
    return member


def record_movement(
    member: Member,
    kind: str,
    *,
    shares: int = 0,
    amount: Decimal = ledger.ZERO,
    date: datetime.date | None = None,
    counterparty: Member | None = None,
    note: str = "",
    user: User | None = None,
) -> ShareMovement:
    """Add a line to the ledger, then bring the status up to date (all or nothing)."""
    with transaction.atomic():
        Member.objects.select_for_update().filter(pk=member.pk).first()
        reason = ledger.refusal(ledger.member_totals(member), kind, shares, Decimal(amount))
        if reason:
            raise RefusedMovement(reason)
        movement = ShareMovement.objects.create(
            member=member,
            kind=kind,
            shares=shares,
            amount=amount,
            date=date or timezone.localdate(),
            counterparty=counterparty,
            note=note,
        )
        log(
            instance=member,
            action=MOVEMENT,
            user=user,
            data={
                "kind": kind,
                "shares": shares,
                "amount": str(amount),
                "date": movement.date.isoformat(),
            },
        )
        refresh_status(member, user=user)
        if counterparty is not None:
            refresh_status(counterparty, user=user)
    return movement


def refresh_status(member: Member, *, user: User | None = None) -> Member:
    """A pending member whose qualifying shares are paid becomes active."""
    member.refresh_from_db(fields=["status", "status_date"])
    if member.status == MemberStatus.PENDING and ledger.qualifying_shares_paid(
        member, ledger.member_totals(member)
    ):
        set_status(member, MemberStatus.ACTIVE, user=user)
    return member


def set_status(
    member: Member,
    status: str,
    *,
    user: User | None = None,
    date: datetime.date | None = None,
) -> Member:
    previous = member.get_status_display()
    member.status = status
    member.status_date = date or timezone.localdate()
    member.save(update_fields=["status", "status_date"])
    log_changes(
        member,
        [
            {
                "field": str(Member._meta.get_field("status").verbose_name),
                "from": previous,
                "to": member.get_status_display(),
            }
        ],
        user=user,
    )
    sync_access(member)
    return member


def contact_user(email: str) -> User:
    """The member-space account of an email address: its own user, separate from any
    staff account with the same address (never staff, no password)."""
    User = get_user_model()
    address = email.strip().casefold()
    user, created = User.objects.get_or_create(
        username=f"{CONTACT_USERNAME_PREFIX}{address}"[:150], defaults={"email": address}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def sync_access(member: Member, former_users: Iterable[User] = ()) -> None:
    """Each contact linked to its account, and each account in the « Membres » group
    exactly while one of its organisations is active (``former_users``: accounts of
    contacts just removed)."""
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    users = set(former_users)
    for contact in member.contacts.all():
        user = contact_user(contact.email)
        if contact.user_id != user.pk:
            previous = contact.user
            contact.user = user
            contact.save(update_fields=["user"])
            if previous is not None:
                users.add(previous)
        users.add(user)
    for user in users:
        active = MemberContact.objects.filter(user=user, member__status=MemberStatus.ACTIVE)
        if active.exists():
            user.groups.add(group)
        else:
            user.groups.remove(group)


def field_label(name: str) -> str:
    """The label of a changed field in the history, in the reader's language."""
    from django.core.exceptions import FieldDoesNotExist

    if name == "contacts":
        return _("contacts")
    if name == "movements":
        return _("share ledger")
    try:
        return str(Member._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name
