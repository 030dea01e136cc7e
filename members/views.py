"""The member space's views (SPEC §9): sign in by a link sent by email, see the
organisation's record, update its details and contacts, ask for a correction, sign out.

- Asking for a link answers the same for every address, after the same work: the task
  (members.emails.request_sign_in) decides whether an email goes out.
- The link opens a page with a « Sign in » button; only pressing it (a POST) uses the
  token, so a mail scanner that fetches the link spends nothing.
- A session of the member space ends after ``MEMBER_SPACE_IDLE_SECONDS`` without a
  member-space request, and on « Sign out ». Every response is private and never cached.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, get_page_models

from consortium.caching.ratelimit_store import limit_reached
from consortium.i18n import languages
from consortium.intake.public_forms import draft_attrs, record_version
from consortium.pages.links import live_page

from . import access, extensions, ledger
from .emails import SIGN_IN_SCOPE, queue_correction, request_sign_in
from .forms import ContactFormSet, CorrectionForm, MemberDetailsForm, SignInForm
from .models import MemberContact, MemberSpacePage
from .permissions import MEMBERS_GROUP
from .register import (
    CONTACT_USERNAME_PREFIX,
    CORRECTION,
    SIGN_IN_STATUSES,
    log_changes,
    sync_access,
)
from .session import CHOSEN_MEMBER, signed_in_contact

NEXT = "member_space_next"
# The drafts of the member space's forms (site.js): the message that says a form was
# saved carries its name, and the page that shows it erases that draft.
RECORD_DRAFT = "member-record"
CORRECTION_DRAFT = "member-correction"


def login_redirect(request):
    """To the member space in the language of the page asked for, which it opens after
    sign-in."""
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    language = target.strip("/").split("/")[0] if safe else ""
    page = live_page(MemberSpacePage, language)
    if page is None:
        raise Http404
    contact = signed_in_contact(request)
    if contact is not None:
        # Signed in, and refused: the page is for active members. Say why, once there.
        with translation.override(page.locale.language_code):
            messages.info(
                request,
                _("The page you asked for is for active members.")
                + " "
                + access.closed_note(contact.member),
            )
    elif safe and target:
        request.session[NEXT] = target
    return private_response(HttpResponseRedirect(page.url))


def private_response(response):
    """Never cached, never indexed, no Referer to another site (every member-space page,
    those other apps add included: members.extensions)."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    # The sign-in link never leaves in a Referer to another site (same-origin: the forms
    # keep their Origin header, which the CSRF check needs; « no-referrer » sends null).
    response["Referrer-Policy"] = "same-origin"
    return response


def _render(request, page, template: str, context=None, status=200):
    context = {"page": page, **(context or {})}
    return private_response(
        TemplateResponse(request, f"members/member_space/{template}", context, status=status)
    )


def _url(page, route: str = "", *args) -> str:
    return page.url + (page.reverse_subpage(route, args=list(args)) if route else "")


def home_view(page, request):
    contact = signed_in_contact(request)
    if contact is not None:
        return _dashboard(page, request, contact)
    if request.method != "POST":
        return _render(request, page, "sign_in_request.html", {"form": SignInForm()})
    form = SignInForm(request.POST)
    if not form.is_valid():
        return _render(request, page, "sign_in_request.html", {"form": form})
    if limit_reached(request, "member-sign-in", settings.MEMBER_SIGN_IN_RATE_LIMIT):
        form.add_error(
            None,
            _(
                "Too many links were asked from your connection in the last hour. "
                "Please try again later."
            ),
        )
        return _render(request, page, "sign_in_request.html", {"form": form}, status=429)
    request_sign_in.enqueue(form.cleaned_data["email"], languages.current_language())
    return HttpResponseRedirect(_url(page, "link_sent"))


def link_sent_view(page, request):
    return _render(request, page, "link_sent.html", {"minutes": settings.SESAME_MAX_AGE // 60})


def sign_in_view(page, request, token):
    if request.method != "POST":
        return _render(request, page, "sign_in.html", {"token": token})
    # django-sesame's backend checks the token (signature, scope, age, last login); with
    # the request, as django-axes wants, so failures count against the connection.
    user = authenticate(request, sesame=token, scope=SIGN_IN_SCOPE)
    allowed = (
        user is not None
        and user.username.startswith(CONTACT_USERNAME_PREFIX)
        and MemberContact.objects.filter(user=user, member__status__in=SIGN_IN_STATUSES).exists()
    )
    if not allowed:
        return _render(request, page, "link_invalid.html", status=410)
    target = request.session.get(NEXT, "")
    login(request, user)  # updates last_login: the link is spent (SESAME_ONE_TIME)
    request.session.set_expiry(settings.MEMBER_SPACE_IDLE_SECONDS)
    return private_response(HttpResponseRedirect(target or _url(page)))


def member_only_pages(locale) -> list[Page]:
    """The live pages of ``locale`` that Wagtail's privacy opens to the members' group
    (their subpages inherit it), in the tree's order: the dashboard links them."""
    return list(
        Page.objects.live()
        .filter(
            locale=locale,
            view_restrictions__restriction_type=PageViewRestriction.GROUPS,
            view_restrictions__groups__name=MEMBERS_GROUP,
        )
        .distinct()
        .order_by("path")
    )


def offers_to_members(locale) -> list[Page]:
    """The live pages of ``locale`` whose type is offered to members
    (``BasePage.offered_to_members``: the service request form), in the tree's order."""
    types = [model for model in get_page_models() if getattr(model, "offered_to_members", False)]
    if not types:
        return []
    return list(Page.objects.live().filter(locale=locale).type(*types).order_by("path"))


def _dashboard(page, request, contact):
    member = contact.member
    chosen = request.GET.get("organisation", "")
    others = {str(other.pk): other for other in contact.other_organisations}
    if chosen in others:
        request.session[CHOSEN_MEMBER] = others[chosen].pk
        return HttpResponseRedirect(_url(page))
    movements = ledger.movements_of(member)
    return _render(
        request,
        page,
        "dashboard.html",
        {
            "contact": contact,
            "member": member,
            "contacts": member.contacts.all(),
            "category_name": member.category.display_name(languages.current_language())
            if member.category
            else "",
            "totals": ledger.totals_of(member.pk, movements),
            "movements": movements,
            "member_pages": member_only_pages(page.locale_id)
            if access.opens_members_pages(member)
            else [],
            "closed_note": access.closed_note(member),
            "offers": offers_to_members(page.locale_id),
            "extension_links": extensions.dashboard_links(),
        },
    )


def _changes(form, formset) -> list[dict]:
    """What the member changed, for the history (members.register.log_changes)."""
    changes = [
        {
            "field": name,
            "from": str(form.initial.get(name, "")),
            "to": str(form.cleaned_data.get(name, "")),
        }
        for name in form.changed_data
    ]
    for contact_form in formset.forms:
        deleted = formset._should_delete_form(contact_form)
        if deleted and contact_form.instance.pk:
            changes.append({"field": "contacts", "from": str(contact_form.instance), "to": ""})
        elif contact_form.has_changed() and not deleted:
            data = contact_form.cleaned_data
            changes.append(
                {"field": "contacts", "from": "", "to": f"{data.get('name')} <{data.get('email')}>"}
            )
    return changes


def update_view(page, request):
    contact = signed_in_contact(request)
    if contact is None:
        return HttpResponseRedirect(_url(page))
    member = contact.member
    if request.method == "POST":
        form = MemberDetailsForm(request.POST, instance=member, prefix="member")
        formset = ContactFormSet(
            request.POST, instance=member, prefix="contacts", signed_in_contact=contact
        )
        if form.is_valid() and formset.is_valid():
            changes = _changes(form, formset)
            former_users = [f.instance.user for f in formset.deleted_forms if f.instance.user_id]
            with transaction.atomic():
                form.save()
                formset.save()
                log_changes(member, changes, user=request.user)
                sync_access(member, former_users)
            messages.success(request, _("Your changes are saved."), extra_tags=RECORD_DRAFT)
            return HttpResponseRedirect(_url(page))
    else:
        form = MemberDetailsForm(instance=member, prefix="member")
        formset = ContactFormSet(instance=member, prefix="contacts", signed_in_contact=contact)
    # The record as it stands (after a refused post, ``form`` holds what was sent).
    shown, contacts = form, formset
    if form.is_bound:
        shown = MemberDetailsForm(instance=member, prefix="member")
        contacts = ContactFormSet(instance=member, prefix="contacts", signed_in_contact=contact)
    version = record_version(shown.initial, *(each.initial for each in contacts.forms))
    return _render(
        request,
        page,
        "update.html",
        {
            "contact": contact,
            "member": member,
            "form": form,
            "formset": formset,
            "draft": draft_attrs(RECORD_DRAFT, base=version),
        },
    )


def correction_view(page, request):
    contact = signed_in_contact(request)
    if contact is None:
        return HttpResponseRedirect(_url(page))
    member = contact.member
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        field = dict(CorrectionForm.FIELDS)[form.cleaned_data["field"]]
        current = getattr(member, form.cleaned_data["field"])
        with transaction.atomic():
            from wagtail.log_actions import log

            log(
                instance=member,
                action=CORRECTION,
                user=request.user,
                data={
                    "field": str(field),
                    "from": current,
                    "to": form.cleaned_data["requested"],
                    "reason": form.cleaned_data["reason"],
                },
            )
            queue_correction(
                member,
                contact,
                field=str(field),
                requested=form.cleaned_data["requested"],
                reason=form.cleaned_data["reason"],
            )
        messages.success(
            request,
            _("Your request is sent: the Consortium will write to you once it is done."),
            extra_tags=CORRECTION_DRAFT,
        )
        return HttpResponseRedirect(_url(page))
    return _render(
        request,
        page,
        "correction.html",
        {
            "contact": contact,
            "member": member,
            "form": form,
            "draft": draft_attrs(CORRECTION_DRAFT),
        },
    )


def sign_out_view(page, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    logout(request)
    messages.info(request, _("You are signed out."))
    return private_response(HttpResponseRedirect(_url(page)))
