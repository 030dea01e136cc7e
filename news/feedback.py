"""« Cet article vous a-t-il été utile ? »: one yes/no vote per browser, no personal data.

The browser remembers which articles it voted on in a signed cookie (article ids only);
the database keeps the article, the answer and the day — nothing about the reader. The
form is a plain POST (works without JavaScript, CSRF-protected); site.js sends the same
POST with fetch and shows the answer in place.
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _

from .models import ArticleFeedback

COOKIE = "news_votes"
SALT = "news.feedback"
MAX_REMEMBERED = 300
ONE_YEAR = 60 * 60 * 24 * 365
ANSWERS = {"yes": True, "no": False}


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
    outcome = record_vote(page, request.POST.get("helpful", ""), already)
    messages = {
        "recorded": _("Thank you for your answer."),
        "already": _("You have already answered for this article. Thank you!"),
        "invalid": _("Please choose « Yes » or « No »."),
    }
    if request.headers.get("x-requested-with") == "fetch":
        response = JsonResponse(
            {"status": outcome, "message": messages[outcome]},
            status=400 if outcome == "invalid" else 200,
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
