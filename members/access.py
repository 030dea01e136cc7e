"""What a member's standing opens to its contacts, and how it is said (SPEC §9).

Only an *active* member's contacts are in the « Membres » group (members.register
.sync_access): they read the members' pages and documents, register for members' events
and take part in the general assembly. A contact of a member that is pending (approved,
its qualifying shares not yet paid) or suspended may still sign in to the member space;
what is closed to it is not offered, and where it asks for it anyway (a link, a bookmark)
it is told why and what opens it: :func:`closed_note`.
"""

from django.utils.translation import gettext as _

from .models import Member, MemberStatus


def opens_members_pages(member: Member) -> bool:
    return member.status == MemberStatus.ACTIVE


def closed_note(member: Member) -> str:
    """Why the members' pages are closed to ``member``'s contacts and what opens them, in
    the reader's language ("" when they are open)."""
    if opens_members_pages(member):
        return ""
    if member.status == MemberStatus.PENDING:
        return _(
            "Your organisation's membership becomes active once its qualifying shares are "
            "paid: the members' pages and documents, members' events and the general "
            "assembly then open to its contacts."
        )
    return _(
        "Your organisation's membership is suspended: the members' pages and documents, "
        "members' events and the general assembly are closed to its contacts meanwhile."
    )
