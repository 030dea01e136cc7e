"""Site-wide views that live outside the language prefixes."""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from consortium.caching.resilient_redis import ResilientRedisCache
from consortium.pages.legacy_redirects import legacy_redirect


@require_safe
def root_redirect(request):
    """`/` goes to `/fr/`, or to `/en/` only when the visitor chose English before.

    The choice is the language cookie set by the switcher, never the browser's
    Accept-Language header: French is the site's default for everyone else.
    """
    legacy = legacy_redirect(request)  # an old WordPress link: /?p=1234
    if legacy is not None:
        return legacy
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Cookie"])
    response["Cache-Control"] = "private, max-age=0"
    return response


def _redis_answers() -> bool | None:
    """Whether the shared cache (Redis) answers; None when the site runs without one."""
    backend = caches["default"]
    if not isinstance(backend, ResilientRedisCache):
        return None
    return backend.is_available()


@never_cache
@require_safe
def healthz(request):
    """200 with a tiny JSON body when the database (and Redis, where configured) answer;
    503 naming what does not. The site still serves pages without Redis, but a load
    balancer or a monitor must hear about it."""
    body = {"status": "ok", "database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        body["database"] = "down"
    redis = _redis_answers()
    if redis is not None:
        body["redis"] = "ok" if redis else "down"
    healthy = all(value == "ok" for key, value in body.items() if key != "status")
    if not healthy:
        body["status"] = "unavailable"
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
def robots_txt(request):
    """Everything public may be indexed; the admin and search results may not."""
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /fr/recherche/",
        "Disallow: /en/search/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A form sent without its security token (expired page, blocked cookies): explain it in
    the visitor's language, on a page of the site, instead of Django's English page."""
    return render(request, "403_csrf.html", status=403)
