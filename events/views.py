"""Views of events: the page with its registration form, the .ics, the feed, and the
cancellation link's page (it asks for a click: mail scanners open links, they do not
press buttons)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from consortium.i18n import languages
from consortium.intake.public_forms import Verdict, privacy_policy, screen
from members import access
from members.models import MemberStatus
from members.session import signed_in_contact

from . import actions
from .calendar import to_ics
from .forms import RegistrationForm
from .links import InvalidLink, resolve

FORM_NAME = "event-registration"


def member_contact(request):
    """The signed-in contact of an active member, or None."""
    contact = signed_in_contact(request)
    if contact is None or contact.member.status != MemberStatus.ACTIVE:
        return None
    return contact


def may_register(page, contact) -> bool:
    if page.is_general_assembly:
        return contact is not None and contact.is_principal
    if page.members_only:
        return contact is not None
    return True


def _render(page, request, form, contact, status=200):
    signed_in = contact or signed_in_contact(request)
    response = TemplateResponse(
        request,
        page.get_template(request),
        {
            "page": page,
            "form": form,
            "contact": contact,
            "may_register": may_register(page, contact),
            "open": page.registration_open(),
            "seats_left": actions.seats_left(page),
            "show_documents": contact is not None,
            # A contact of a member not active: why the members' parts are closed.
            "closed_note": access.closed_note(signed_in.member) if signed_in else "",
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def event_view(page, request):
    contact = member_contact(request)
    privacy_url = privacy_policy(request)[0]
    initial = {}
    if contact is not None:
        initial = {
            "name": contact.name,
            "organisation": contact.member.name,
            "email": contact.email,
        }
    if request.method != "POST":
        return _render(
            page, request, RegistrationForm(privacy_url=privacy_url, initial=initial), contact
        )
    form = RegistrationForm(request.POST, privacy_url=privacy_url)
    verdict = screen(
        request,
        form,
        form_name=FORM_NAME,
        rate=settings.EVENT_REGISTRATION_RATE_LIMIT,
        too_many=_(
            "Too many registrations were sent from your connection in the last hour. "
            "Your information is still here: please try again later."
        ),
    )
    if verdict is Verdict.ROBOT:
        return HttpResponseRedirect(page.url)
    if not may_register(page, contact):
        form.add_error(
            None,
            _(
                "This event's registration is for members' contacts: sign in to the member "
                "space first."
            ),
        )
        return _render(page, request, form, contact, status=403)
    if verdict is not Verdict.ACCEPTED:
        return _render(page, request, form, contact, 429 if verdict is Verdict.LIMITED else 200)
    data = form.cleaned_data
    try:
        outcome = actions.register(
            page,
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            language=languages.current_language(),
        )
    except actions.RegistrationClosed:
        form.add_error(None, _("Registrations for this event are closed."))
        return _render(page, request, form, contact, status=409)
    if outcome.waiting:
        messages.success(
            request,
            _(
                "The event is full: you are on the waiting list. We will write to you if a "
                "seat frees up."
            ),
        )
    else:
        messages.success(
            request,
            _(
                "You are registered. A confirmation with the event for your calendar is on "
                "its way to your email address."
            ),
        )
    return HttpResponseRedirect(page.url)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ics_view(page, request):
    return _ics_response(to_ics([page], page.title), f"{page.slug}.ics")


def feed_view(index, request):
    # Named after the listing in its language (« evenements.ics », « events.ics »).
    return _ics_response(to_ics(index.upcoming(), index.title), f"{index.slug}.ics")


def cancel_view(page, request, token):
    try:
        registration = resolve(token)
    except InvalidLink as problem:
        status = 404 if problem.reason == "forged" else 410
        response = TemplateResponse(
            request, "events/cancel.html", {"page": page, "invalid": problem.reason}, status=status
        )
    else:
        if request.method == "POST":
            actions.cancel(registration)
            response = TemplateResponse(
                request, "events/cancel.html", {"page": page, "cancelled": True}
            )
        else:
            response = TemplateResponse(
                request, "events/cancel.html", {"page": page, "registration": registration}
            )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
