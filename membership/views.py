"""Views of the membership page: the form, the confirmation, the protected attachments."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consortium import form_cache, held, i18n
from consortium.models import HeldSubmission, OrganisationSettings
from consortium.ratelimit_store import limit_reached

from .actions import complete_info_request, submit_application
from .forms import ApplicationForm, InfoResponseForm
from .links import InvalidLink, resolve_link
from .models import Attachment
from .permissions import VIEW_PERMISSION

logger = logging.getLogger(__name__)
REFERENCE_SALT = "membership.thanks"
FORM_NAME = "membership"


def _policy(request) -> tuple[str, str]:
    """The privacy policy in force, in the reader's language: (url, version)."""
    policy_page = OrganisationSettings.load(request_or_site=request).privacy_page
    if policy_page is None:
        return "", ""
    localized = i18n.localized_page_map([policy_page.pk]).get(policy_page.pk, policy_page)
    return localized.get_url(request) or "", getattr(policy_page.specific, "version", "")


def _render(page, request, form=None, status=200, form_html=""):
    response = TemplateResponse(
        request,
        page.get_template(request),
        {"page": page, "form": form, "form_html": form_html},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _empty_form_html(page, request):
    """The empty form, the same for every visitor but their CSRF token (form_cache)."""

    def build():
        return ApplicationForm(page=page, privacy_url=_policy(request)[0])

    return form_cache.render_unbound(request, FORM_NAME, build, page.pk)


def application_view(page, request):
    if request.method != "POST":
        return _render(page, request, form_html=_empty_form_html(page, request))
    privacy_url, policy_version = _policy(request)
    form = ApplicationForm(request.POST, request.FILES, page=page, privacy_url=privacy_url)
    thanks_url = page.url + page.reverse_subpage("thanks")
    if form.is_spam():
        # Robots get the confirmation page they expect; what was sent is held for the
        # committee (a person whose browser filled the hidden field is not lost).
        held.hold(FORM_NAME, HeldSubmission.Reason.HONEYPOT, request, i18n.current_language())
        logger.info("Membership form: honeypot filled, submission held")
        return HttpResponseRedirect(thanks_url)
    if not form.is_valid():
        return _render(page, request, form)
    if limit_reached(request, "membership-application", settings.MEMBERSHIP_RATE_LIMIT):
        held.hold(FORM_NAME, HeldSubmission.Reason.RATE_LIMIT, request, i18n.current_language())
        form.add_error(
            None,
            _(
                "Too many applications were sent from your connection in the last hour. "
                "Your information is still here: please try again later."
            ),
        )
        return _render(page, request, form, status=429)
    application = submit_application(
        form.cleaned_data, language=i18n.current_language(), policy_version=policy_version
    )
    token = signing.dumps(application.reference, salt=REFERENCE_SALT)
    return HttpResponseRedirect(f"{thanks_url}?ref={token}")


def thanks_view(page, request):
    """The confirmation; the reference comes signed in the address, so a refresh shows it
    again and submits nothing."""
    reference = ""
    try:
        reference = signing.loads(request.GET.get("ref", ""), salt=REFERENCE_SALT, max_age=86400)
    except signing.BadSignature:
        reference = ""
    response = TemplateResponse(
        request,
        "membership/thanks.html",
        {"page": page, "reference": reference if isinstance(reference, str) else ""},
    )
    add_never_cache_headers(response)
    return response


# An unusable link gets a page that says why in general terms and shows nothing of the
# application: a forged link is « not found », an expired or used one is « gone ».
LINK_STATUS = {"forged": 404, "expired": 410, "used": 410}


def _private(response):
    """Pages behind a personal link: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def _link_invalid(page, request, reason: str):
    return _private(
        TemplateResponse(
            request,
            "membership/link_invalid.html",
            {"page": page, "reason": reason},
            status=LINK_STATUS[reason],
        )
    )


def info_request_view(page, request, token):
    """The applicant's personal page to add information and documents (one use)."""
    try:
        info_request = resolve_link(token)
    except InvalidLink as problem:
        return _link_invalid(page, request, problem.reason)
    form = InfoResponseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            complete_info_request(
                info_request, form.cleaned_data["response"], form.cleaned_data["attachments"]
            )
        except InvalidLink as problem:  # used or expired meanwhile (another tab)
            return _link_invalid(page, request, problem.reason)
        return HttpResponseRedirect(page.url + page.reverse_subpage("info_received"))
    return _private(
        TemplateResponse(
            request,
            "membership/info_request.html",
            {"page": page, "form": form, "info_request": info_request},
        )
    )


def info_received_view(page, request):
    return _private(TemplateResponse(request, "membership/info_received.html", {"page": page}))


@never_cache
def attachment(request, token):
    """An attachment, for the membership committee only (and administrators)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url="wagtailadmin_login")
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    item = get_object_or_404(Attachment.objects.select_related("application"), token=token)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=item.download_name(), content_type="application/pdf"
    )
