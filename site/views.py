"""Site-wide views that live outside the language prefixes."""

import sys

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
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
    """200 with a tiny JSON body when the database (and Redis and object storage, where
    configured) answer;
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
    if settings.STORAGES["default"]["BACKEND"].startswith("consortium.storage"):
        # Forms with files still work while the store is down (they are staged), but
        # images and documents do not: a monitor must hear about it. (Imported here: boto3
        # costs a quarter of a second, for sites that do not use object storage too.)
        from consortium.storage.objects import stores_down

        body["storage"] = "down" if stores_down() else "ok"
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


# The database does not answer: try again in this many seconds (an outage is a restart or a
# failover, seconds to a minute).
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django's ``handler500``: an uncaught error anywhere in the request. When it is the
    database's (stopped, restarting, unreachable), the answer is a 503 with
    ``Retry-After`` and a short page in the visitor's language, taken from the address
    (``/en/…``), built without the database; otherwise the plain 500 page. Either way it
    is never cached."""
    error = sys.exc_info()[1]
    if not isinstance(error, DatabaseError):
        response = render(request, "500.html", status=500)
    else:
        language = "en" if request.path.startswith("/en/") else settings.LANGUAGE_CODE
        with translation.override(language):
            # No request in the context: context processors may ask the database.
            page = render_to_string(
                "503.html",
                {"language": language, "retry_after": RETRY_AFTER_SECONDS, "path": request.path},
            )
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Content-Language"] = language
    add_never_cache_headers(response)
    return response
