"""Retention of the register (Loi 25): the contacts of a member that resigned or was
excluded are removed ``MEMBER_RETENTION_MONTHS`` after that status was set (their names,
emails and phones, their member-space accounts, and their traces in the member's history).

The register itself keeps what the Loi sur les coopératives asks of it (art. 124: the
organisation's name, its last known address, its shares and the dates of their
movements): a member is never deleted.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consortium.cases.retention import months_before

from .models import Member, MemberStatus
from .register import sync_access

FORMER_STATUSES = [MemberStatus.RESIGNED, MemberStatus.EXCLUDED]


def due_for_anonymisation(months: int, now: datetime.datetime | None = None) -> QuerySet[Member]:
    cutoff = months_before(now or timezone.now(), months).date()
    return Member.objects.filter(
        status__in=FORMER_STATUSES, status_date__lt=cutoff, anonymised_at__isnull=True
    ).order_by("status_date", "pk")


def anonymise(member: Member) -> None:
    with transaction.atomic():
        users = [contact.user for contact in member.contacts.all() if contact.user_id]
        member.contacts.all().delete()
        sync_access(member, users)
        for user in users:
            if not user.member_contacts.exists():
                user.delete()
        for entry in ModelLogEntry.objects.for_instance(member):
            changes = (entry.data or {}).get("changes")
            if changes:
                entry.data = {
                    **entry.data,
                    "changes": [
                        {**change, "from": "—", "to": "—"}
                        if change.get("field") == "contacts"
                        else change
                        for change in changes
                    ],
                }
                entry.save(update_fields=["data"])
        member.anonymised_at = timezone.now()
        member.save(update_fields=["anonymised_at"])
