"""The member space's emails (the outbox's MemberEmail rows): the sign-in link, and a
correction of the legal name or NEQ asked of staff.

``request_sign_in`` is the task a sign-in form enqueues for *any* address: the form's
request does the same work whether the address is a contact's or not (no enumeration,
the same response time); the task finds the contact, if there is one, and writes the
email. The link's token (django-sesame, single use, 15 minutes) is made when the email is
sent, so a retried email carries a fresh one and no token is ever stored.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django_tasks import task
from sesame.utils import get_token

from consortium.i18n.languages import default_language
from consortium.messaging import outbox
from consortium.messaging.mail import PERSON_WAITS
from consortium.models import OrganisationSettings
from consortium.pages.links import live_page_url

from .models import Member, MemberContact, MemberEmail, MemberSpacePage
from .register import SIGN_IN_STATUSES, sync_access

SIGN_IN_SCOPE = "member-space"


def member_space_url(language: str, route: str = "", args: Iterable = ()) -> str:
    """The member space's full address in ``language`` (consortium.pages.links's fallback),
    or "" without a member space."""
    return live_page_url(MemberSpacePage, language, route, args)


@task(priority=PERSON_WAITS)
def request_sign_in(email: str, language: str) -> bool:
    """Send a sign-in link to ``email`` if it is a contact's; True when one is queued."""
    contact = (
        MemberContact.objects.filter(
            email__iexact=email.strip(), member__status__in=SIGN_IN_STATUSES
        )
        .select_related("member")
        .order_by("pk")
        .first()
    )
    if contact is None:
        return False
    sync_access(contact.member)
    contact.refresh_from_db()
    outbox.queue(
        MemberEmail,
        kind=MemberEmail.Kind.SIGN_IN,
        recipient=contact.email,
        language=language,
        member=contact.member,
        contact=contact,
    )
    return True


def queue_correction(
    member: Member, contact: MemberContact, *, field: str, requested: str, reason: str
) -> MemberEmail | None:
    """The request for a correction, to the committee's address."""
    return outbox.queue(
        MemberEmail,
        kind=MemberEmail.Kind.CORRECTION,
        recipient=OrganisationSettings.load().committee_email,
        language=default_language(),
        member=member,
        contact=contact,
        data={"field": field, "requested": requested, "reason": reason},
    )


def _context(row: MemberEmail) -> dict:
    context = {"row": row, "member": row.member, "contact": row.contact, **row.data}
    if row.kind == MemberEmail.Kind.SIGN_IN:
        if row.contact is None:
            raise ValueError(f"sign-in email {row.pk} has no contact")
        token = get_token(row.contact.user, scope=SIGN_IN_SCOPE)
        context["link"] = member_space_url(row.language, "sign_in", [token])
        context["minutes"] = settings.SESAME_MAX_AGE // 60
    else:
        context["record_url"] = settings.WAGTAILADMIN_BASE_URL + reverse(
            "members:edit", args=[row.member_id]
        )
    context["organisation"] = OrganisationSettings.load()
    return context


def message(row: MemberEmail) -> EmailMessage:
    return outbox.plain_message(row, f"members/email/member_{row.kind}", _context)
