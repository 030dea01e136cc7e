"""The chair's panel of an assembly, in the admin (« Présidence d'assemblée »): the quorum
live (present ÷ roll, reached or not; the page offers to show the changes, it never
reloads by itself), the roll drawn again until it closes, and each vote opened, closed and
its results. Every action is in the audit log (assembly.roll, assembly.voting). The page's
queries do not grow with the number of voters."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import attendance, minutes, roll, voting
from .choices import MotionStatus
from .models import Assembly, Motion
from .permissions import CHAIR_PERMISSION, ROLL_PERMISSION
from .results import describe
from .views import STATE_SECONDS, current_assembly, live_state


def _chair(request) -> None:
    if not request.user.has_perm(CHAIR_PERMISSION):
        raise PermissionDenied


def _state(assembly: Assembly) -> str:
    """The votes' statuses, the quorum and the ballots in on the open vote, as the panel's
    notice says (views.live_state)."""
    quorum = attendance.quorum(assembly)
    motions = list(assembly.motions.all())
    ballots = sum(voting.ballots_in(m) for m in motions if m.status == MotionStatus.OPEN)
    statuses = [(motion.pk, motion.status) for motion in motions]
    return live_state(statuses, f"{quorum.present}/{quorum.roll}", ballots)


def current(request):
    """The panel of the assembly under way or next."""
    _chair(request)
    assembly = current_assembly()
    if assembly is None:
        messages.info(request, _("No general assembly yet: add one first."))
        return redirect("assemblies:index")
    return redirect("assembly_chair", assembly.pk)


def panel(request, pk):
    _chair(request)
    assembly = get_object_or_404(Assembly.objects.select_related("event"), pk=pk)
    language = translation.get_language()
    motions = list(assembly.motions.prefetch_related("candidates"))
    for motion in motions:
        if motion.status == MotionStatus.CLOSED:
            motion.result = describe(motion, language)
        elif motion.status == MotionStatus.OPEN:
            motion.ballots_received = voting.ballots_in(motion)
    context = {
        "assembly": assembly,
        "quorum": attendance.quorum(assembly),
        "frozen": roll.is_frozen(assembly),
        "may_draw": request.user.has_perm(ROLL_PERMISSION),
        "motions": motions,
        "state": _state(assembly),
        "state_seconds": STATE_SECONDS,
    }
    return TemplateResponse(request, "assembly/admin/panel.html", context)


def state(request, pk):
    _chair(request)
    assembly = get_object_or_404(Assembly, pk=pk)
    return JsonResponse({"state": _state(assembly)})


@require_POST
def draw_roll(request, pk):
    if not request.user.has_perm(ROLL_PERMISSION):
        raise PermissionDenied
    assembly = get_object_or_404(Assembly, pk=pk)
    try:
        voters, left_off = roll.draw(assembly, user=request.user)
    except roll.RollFrozen:
        messages.error(request, _("The roll has closed: it can no longer be drawn again."))
    else:
        messages.success(
            request,
            _("Roll drawn: %(voters)s voters, %(left_off)s members left off.")
            % {"voters": voters, "left_off": left_off},
        )
    return redirect("assembly_chair", assembly.pk)


@require_POST
def change_vote(request, pk, motion_pk, action):
    _chair(request)
    motion = get_object_or_404(Motion, assembly_id=pk, pk=motion_pk)
    change = {"open": voting.open_vote, "close": voting.close_vote}.get(action)
    if change is None:
        raise PermissionDenied
    try:
        change(motion, user=request.user)
    except voting.VoteRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request,
            (
                _("Vote on item %(number)s opened.")
                if action == "open"
                else _("Vote on item %(number)s closed.")
            )
            % {"number": motion.number},
        )
    return redirect("assembly_chair", pk)


def minutes_view(request, pk):
    """The draft of the minutes: printable here, or downloaded as text (``?download``)."""
    _chair(request)
    assembly = get_object_or_404(Assembly.objects.select_related("event"), pk=pk)
    text = minutes.draft(assembly).as_text()
    if "download" in request.GET:
        day = assembly.event.start.date().isoformat()
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="projet-de-proces-verbal-{day}.txt"'
        )
        return response
    return TemplateResponse(
        request, "assembly/admin/minutes.html", {"assembly": assembly, "text": text}
    )
