"""Views of the membership page: the form, the confirmation, the protected attachments."""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consortium.caching import form_cache
from consortium.i18n import languages
from consortium.intake import uploads
from consortium.intake.public_forms import privacy_policy, receive, signed_reference

from .actions import complete_info_request, submit_application
from .forms import ApplicationForm, InfoResponseForm
from .links import InvalidLink, resolve_link
from .models import Attachment
from .permissions import VIEW_PERMISSION

logger = logging.getLogger(__name__)
REFERENCE_SALT = "membership.thanks"
FORM_NAME = "membership"


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
        return ApplicationForm(page=page, privacy_url=privacy_policy(request)[0])

    return form_cache.render_unbound(request, FORM_NAME, build, page.pk)


def application_view(page, request):
    if request.method != "POST":
        return _render(page, request, form_html=_empty_form_html(page, request))
    privacy_url, policy_version = privacy_policy(request)
    return receive(
        request,
        ApplicationForm(request.POST, request.FILES, page=page, privacy_url=privacy_url),
        form_name=FORM_NAME,
        rate=settings.MEMBERSHIP_RATE_LIMIT,
        too_many=_(
            "Too many applications were sent from your connection in the last hour. "
            "Your information is still here: please try again later."
        ),
        thanks_url=page.url + page.reverse_subpage("thanks"),
        salt=REFERENCE_SALT,
        render=lambda form, status: _render(page, request, form, status=status),
        submit=lambda data: submit_application(
            data, language=languages.current_language(), policy_version=policy_version
        ),
    )


def thanks_view(page, request):
    """The confirmation (the reference signed in its address: a refresh submits nothing)."""
    response = TemplateResponse(
        request,
        "membership/thanks.html",
        {"page": page, "reference": signed_reference(request, REFERENCE_SALT)},
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
    return uploads.serve(request, Attachment, token, VIEW_PERMISSION)
