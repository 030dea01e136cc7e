"""Who is signed in to the member space, for every app that serves member contacts (the
member space, service requests, event registration): the contact a session stands for.

A contact signs in with a single-use link (members.views) to an account of its own
(``member:<email>``, no password, never staff). A person who is the contact of several
organisations chooses one (``CHOSEN_MEMBER`` in the session). Each request that asks
restarts the idle period (``MEMBER_SPACE_IDLE_SECONDS``).
"""

from django.conf import settings
from django.http import HttpRequest

from .models import MemberContact
from .register import CONTACT_USERNAME_PREFIX, SIGN_IN_STATUSES

CHOSEN_MEMBER = "member_space_member"


def signed_in_contact(request: HttpRequest) -> MemberContact | None:
    """The contact the session stands for (of the organisation chosen, when several)."""
    user = request.user
    if not user.is_authenticated or not user.username.startswith(CONTACT_USERNAME_PREFIX):
        return None
    contacts = list(
        MemberContact.objects.filter(user=user, member__status__in=SIGN_IN_STATUSES)
        .select_related("member", "member__category")
        .order_by("member__name", "pk")
    )
    if not contacts:
        return None
    chosen = request.session.get(CHOSEN_MEMBER)
    contact = next((c for c in contacts if c.member_id == chosen), contacts[0])
    contact.other_organisations = [c.member for c in contacts if c.pk != contact.pk]
    # Each request of the member space restarts the idle period.
    request.session.set_expiry(settings.MEMBER_SPACE_IDLE_SECONDS)
    return contact
