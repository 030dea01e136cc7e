"""The general assembly for a member's delegate, in the member space (SPEC §14):
/fr/espace-membre/assemblee/, /en/member-area/assembly/.

Signed in as in the member space, a contact sees the assembly, its notice and documents
(on the event's page), and — the delegate of a member on the roll only — the meeting link,
« Je suis présent·e », the vote open now and the results of the votes closed. The principal
contact of a member on the roll names its delegate among the member's contacts, until the
roll closes (roll.designate). Every post
answers with a redirect (a refresh never posts again) and a message; the page asks
``state/`` every few seconds whether something changed, and offers to show it (the page
never reloads by itself: no one loses a choice half made).
"""

import datetime

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.session import signed_in_contact
from members.views import private_response

from . import attendance, roll, voting
from .choices import Choice, MotionStatus
from .models import Assembly, Motion
from .results import describe

STATE_SECONDS = 5


def current_assembly() -> Assembly | None:
    """The assembly under way or next (its event not over for half a day), else the last."""
    recent = timezone.now() - datetime.timedelta(hours=12)
    assemblies = Assembly.objects.select_related("event")
    upcoming = assemblies.filter(event__end__gte=recent).order_by("event__start").first()
    return upcoming or assemblies.order_by("-event__start").first()


def _url(page, route: str) -> str:
    return page.url + page.reverse_subpage(route)


def live_state(statuses, *more) -> str:
    """What a live page shows that can change, as one string its script compares (site.js,
    part 5): the votes' (pk, status) pairs, then anything else the page shows."""
    return "|".join([",".join(f"{pk}:{status}" for pk, status in statuses), *map(str, more)])


def _page(page, request, contact):
    assembly = current_assembly()
    language = translation.get_language()
    context = {"page": page, "contact": contact, "assembly": assembly}
    if assembly is not None:
        entry = roll.entry_of(assembly, contact.member_id)
        voter = entry if roll.votes_for(entry, contact) else None
        present = voter is not None and attendance.is_present(voter)
        motions = list(assembly.motions.prefetch_related("candidates"))
        open_motion = next((m for m in motions if m.status == MotionStatus.OPEN), None)
        context.update(
            voter=voter,
            present=present,
            open_motion=open_motion,
            open_title=open_motion.title_in(language) if open_motion else "",
            closed=[describe(m, language) for m in motions if m.status == MotionStatus.CLOSED],
            state=live_state(((m.pk, m.status) for m in motions), int(present)),
            state_seconds=STATE_SECONDS,
            choices=Choice.choices,
            on_roll=entry,
            delegate=entry.delegate if entry is not None else None,
            exclusion=(
                None
                if entry is not None
                else assembly.exclusions.filter(member_id=contact.member_id).first()
            ),
            voted=voter is not None
            and open_motion is not None
            and voting.has_voted(open_motion, voter),
            roll_frozen=roll.is_frozen(assembly),
            may_designate=entry is not None and contact.is_principal,
        )
        previous = (
            Assembly.objects.filter(event__start__lt=assembly.event.start)
            .select_related("event")
            .order_by("-event__start")
            .first()
        )
        if previous is not None:
            closed = previous.motions.filter(status=MotionStatus.CLOSED)
            context["previous"] = previous
            context["previous_results"] = [
                describe(motion, language) for motion in closed.prefetch_related("candidates")
            ]
    return private_response(TemplateResponse(request, "assembly/member/assembly.html", context))


def assembly_view(page, request):
    contact = signed_in_contact(request)
    if contact is None:
        return private_response(HttpResponseRedirect(page.url))
    return _page(page, request, contact)


def _delegate(page, request):
    """(assembly, voter, contact) for a post, or a redirect answering it."""
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    contact = signed_in_contact(request)
    if contact is None:
        return None, private_response(HttpResponseRedirect(page.url))
    assembly = current_assembly()
    voter = roll.voter_for(assembly, contact) if assembly is not None else None
    if voter is None:
        messages.error(request, _("Only the delegate of a member on the roll may do this."))
        return None, private_response(HttpResponseRedirect(_url(page, "assembly")))
    return (assembly, voter, contact), None


def present_view(page, request):
    found, answer = _delegate(page, request)
    if answer is not None:
        return answer
    _assembly, voter, contact = found
    attendance.arrive(voter, contact)
    messages.success(request, _("You are present: you may vote on each item when it opens."))
    return private_response(HttpResponseRedirect(_url(page, "assembly")))


def leave_view(page, request):
    found, answer = _delegate(page, request)
    if answer is not None:
        return answer
    _assembly, voter, _contact = found
    attendance.leave(voter)
    messages.success(request, _("You have left the assembly: say you are present to come back."))
    return private_response(HttpResponseRedirect(_url(page, "assembly")))


def delegate_view(page, request):
    """The principal contact of a member on the roll names its delegate (one of the
    member's contacts; the principal contact itself takes the vote back)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    contact = signed_in_contact(request)
    if contact is None:
        return private_response(HttpResponseRedirect(page.url))
    back = private_response(HttpResponseRedirect(_url(page, "assembly") + "#delegate"))
    assembly = current_assembly()
    entry = roll.entry_of(assembly, contact.member_id) if assembly is not None else None
    if entry is None or not contact.is_principal:
        messages.error(
            request, _("Only the principal contact of a member on the roll may do this.")
        )
        return back
    chosen = request.POST.get("delegate", "")
    delegate = next((c for c in entry.member.contacts.all() if str(c.pk) == chosen), None)
    if delegate is None:
        messages.error(request, _("Choose one of your organisation's contacts."))
        return back
    try:
        roll.designate(assembly, entry.member, delegate, by=contact.user)
    except roll.RollFrozen:
        messages.error(
            request, _("The roll of voters has closed: the delegate can no longer change.")
        )
        return back
    messages.success(
        request,
        _("%(name)s is your organisation's delegate: they vote for it.") % {"name": delegate.name},
    )
    return back


def vote_view(page, request, motion_id):
    found, answer = _delegate(page, request)
    if answer is not None:
        return answer
    assembly, voter, contact = found
    motion = Motion.objects.filter(assembly=assembly, pk=motion_id).first()
    if motion is None:
        messages.error(request, _("This vote is not open."))
    else:
        try:
            voting.cast(
                motion,
                voter,
                contact,
                choice=request.POST.get("choice", ""),
                candidates=[
                    value for value in request.POST.getlist("candidates") if value.isdigit()
                ],
            )
        except voting.VoteRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(
                request,
                _("Your vote on item %(number)s is recorded.") % {"number": motion.number},
            )
    return private_response(HttpResponseRedirect(_url(page, "assembly") + "#votes"))


def state_view(page, request):
    """What the page shows that can change, for its script to compare (never cached)."""
    contact = signed_in_contact(request)
    assembly = current_assembly()
    if contact is None or assembly is None:
        return private_response(JsonResponse({"state": ""}))
    voter = roll.voter_for(assembly, contact)
    present = voter is not None and attendance.is_present(voter)
    statuses = assembly.motions.values_list("pk", "status")
    return private_response(JsonResponse({"state": live_state(statuses, int(present))}))
