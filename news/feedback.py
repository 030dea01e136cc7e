"""« Cet article vous a-t-il été utile ? »: one yes/no vote per browser, no personal data.

The browser remembers which articles it voted on in a signed cookie (article ids only);
the database keeps the article, the answer and the day — nothing about the reader. The
form is a plain POST (works without JavaScript); site.js sends the same POST with fetch and
shows the answer in place.

The vote has its own address outside the page tree (``/news-feedback/<id>/``) and no CSRF
token: a token in the article would tie every copy of the page to one visitor's cookie, so
articles could not be kept by a CDN or the page cache (a copy served to others would carry
a token their browser cannot use, and would reveal the first visitor's CSRF secret). CSRF
protects what a signed-in person may do; an anonymous vote carries no one's authority —
anyone can post one directly — so a forged one is just a vote. Votes are limited per client
address (``NEWS_VOTE_RATE_LIMIT``), so a script cannot stuff the tallies.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from consortium.caching.ratelimit_store import limit_reached

from .models import ArticleFeedback

COOKIE = "news_votes"
SALT = "news.feedback"
MAX_REMEMBERED = 300
ONE_YEAR = 60 * 60 * 24 * 365
ANSWERS = {"yes": True, "no": False}
STATUS = {"invalid": 400, "limited": 429}


def voted_ids(request) -> list[int]:
    raw = request.get_signed_cookie(COOKIE, default="", salt=SALT)
    return [int(part) for part in raw.split(",") if part.isdigit()]


def record_vote(page, answer: str, already: list[int]) -> str:
    """Store the vote unless this browser already voted here. Returns the outcome."""
    if answer not in ANSWERS:
        return "invalid"
    if page.pk in already:
        return "already"
    ArticleFeedback.objects.create(page=page, helpful=ANSWERS[answer])
    return "recorded"


def record_vote_view(page, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    already = voted_ids(request)
    if limit_reached(request, "news-vote", settings.NEWS_VOTE_RATE_LIMIT):
        outcome = "limited"  # a script voting from one address: nothing stored
    else:
        outcome = record_vote(page, request.POST.get("helpful", ""), already)
    messages = {
        "recorded": _("Thank you for your answer."),
        "already": _("You have already answered for this article. Thank you!"),
        "invalid": _("Please choose “Yes” or “No”."),
        "limited": _("Too many answers were sent from your connection: try again later."),
    }
    if request.headers.get("x-requested-with") == "fetch":
        response = JsonResponse(
            {"status": outcome, "message": messages[outcome]},
            status=STATUS.get(outcome, 200),
        )
    else:
        response = HttpResponseRedirect(f"{page.get_url(request)}?vote={outcome}#feedback")
        response.status_code = 303
    if outcome == "recorded":
        remembered = (already + [page.pk])[-MAX_REMEMBERED:]
        response.set_signed_cookie(
            COOKIE,
            ",".join(map(str, remembered)),
            salt=SALT,
            max_age=ONE_YEAR,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@csrf_exempt
def vote(request, page_id: int):
    """The vote on a live article, answered in the article's language."""
    from .models import NewsPage

    page = get_object_or_404(NewsPage.objects.live().select_related("locale"), pk=page_id)
    with translation.override(page.locale.language_code):
        return record_vote_view(page, request)
