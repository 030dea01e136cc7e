"""The newsletter's public views.

The form — the page's and the footer's — posts to ``subscribe`` (/fr/newsletter-
subscription/), which is exempt from the CSRF check: the footer is cached with every page,
so it cannot carry a visitor's token, and a forged request could do no more than what
anyone may do with the form (ask for a confirmation email to be sent to an address). The
submission is received as every public form's is (consortium.intake.public_forms.receive):
honeypot, messages with what was typed, rate limit.

The confirmation and unsubscribe links open a page with one button (mail scanners open
links; they do not press buttons). Mail clients unsubscribe in one click by posting to
``one_click`` (the List-Unsubscribe header, RFC 8058), which needs no token but the link's.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from consortium.i18n import languages
from consortium.intake.public_forms import privacy_policy, receive

from . import actions
from .forms import SubscribeForm
from .links import InvalidLink, page_in, resolve_confirmation, resolve_unsubscribe, unsubscribe_url

FORM_NAME = "newsletter"


def _render(page, request, form, status=200):
    response = TemplateResponse(
        request, page.get_template(request), {"page": page, "form": form}, status=status
    )
    if status != 200 or form.is_bound:
        add_never_cache_headers(response)
    return response


def page_view(page, request):
    return _render(page, request, SubscribeForm(language=languages.current_language()))


@csrf_exempt
@never_cache
def subscribe(request):
    """The form's POST (see the module's docstring); a GET goes to the page."""
    language = languages.current_language()
    page = page_in(language)
    if page is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    form = SubscribeForm(request.POST, language=language)
    _privacy_url, policy_version = privacy_policy(request)
    return receive(
        request,
        form,
        form_name=FORM_NAME,
        rate=settings.NEWSLETTER_RATE_LIMIT,
        too_many=_(
            "Too many requests were sent from your connection in the last hour. "
            "Your information is still here: please try again later."
        ),
        thanks_url=page.url + page.reverse_subpage("thanks"),
        render=lambda bound, status: _render(page, request, bound, status),
        submit=lambda data: actions.request_subscription(
            email=data["email"],
            name=data["name"],
            language=data["language"],
            source=data["source"],
            text_shown=form.consent_shown(),
            policy_version=policy_version,
        ),
    )


def _private(response):
    """A personal link's page: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def thanks_view(page, request):
    return TemplateResponse(request, "newsletter/thanks.html", {"page": page})


def confirm_view(page, request, token):
    template = "newsletter/confirm.html"
    try:
        subscriber = resolve_confirmation(token)
    except InvalidLink as problem:
        status = 404 if problem.reason == "forged" else 410
        context = {"page": page, "invalid": problem.reason}
        return _private(TemplateResponse(request, template, context, status=status))
    if request.method == "POST":
        actions.confirm(subscriber)
        context = {"page": page, "confirmed": True, "unsubscribe_url": unsubscribe_url(subscriber)}
        return _private(TemplateResponse(request, template, context))
    return _private(TemplateResponse(request, template, {"page": page, "subscriber": subscriber}))


def unsubscribe_view(page, request, token):
    template = "newsletter/unsubscribe.html"
    try:
        subscriber = resolve_unsubscribe(token)
    except InvalidLink:
        return _private(
            TemplateResponse(request, template, {"page": page, "invalid": True}, status=404)
        )
    if request.method == "POST":
        actions.unsubscribe(subscriber)
        return _private(TemplateResponse(request, template, {"page": page, "done": True}))
    context = {"page": page, "subscriber": subscriber}
    return _private(TemplateResponse(request, template, context))


@csrf_exempt
@never_cache
def one_click(request, token):
    """RFC 8058: the mail client's POST unsubscribes; a GET opens the page with the button."""
    try:
        subscriber = resolve_unsubscribe(token)
    except InvalidLink as problem:
        raise Http404 from problem
    if request.method == "POST":
        actions.unsubscribe(subscriber)
        return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
    return HttpResponseRedirect(unsubscribe_url(subscriber))
