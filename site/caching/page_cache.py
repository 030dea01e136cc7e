"""Rendered public pages kept in the shared cache (Redis), so that most readers are served
without rendering a template or querying the database.

What is kept is exactly what a CDN may keep: a GET response that ``cache_headers`` made
public (``s-maxage``), with status 200 and no cookie. Anything personal never is — the
admin, a visitor with a session or a pending message, forms, search and personal links
(they say ``no-cache`` themselves) — and such visitors are never served a kept copy.

Copies are kept with the chrome cache's version (``consortium.caching.content_version``), read with
it in one round trip, and served only when it is still the current one: publishing,
unpublishing, moving or deleting a page, or editing a menu, the site texts or the contact
settings moves it on, and every app server renders afresh (at its next request, or within
a second where a worker holds a copy in memory, below) — no stale page after a publish, on
any server, and no list of addresses to purge. Copies also expire after
``PUBLIC_CACHE_S_MAXAGE`` seconds (the same lifetime as in a CDN), so time-dependent content
(the year in the footer, scheduled pages) is never older than that.

Only addresses a reader can reach from the site's own links are kept: no query string, or
the listings' own parameters (``CACHEABLE_PARAMETERS``) once each with a short plain value.
Any other query string (``?x=1``, ``?page=<random>``…) is rendered and never kept, so
nobody can fill the cache with copies of one page (and rate-limit counters are not in this
cache at all: ``consortium.caching.ratelimit_store``).

The middleware sits just outside ``CacheHeadersMiddleware`` (it needs its decision),
inside the security headers and request log, which are applied to every response, kept or
not, and after WhiteNoise: static files never cost a cache read. When Redis does not
answer, every read is a miss and pages are rendered (``consortium.caching.resilient_redis``).
``X-Page-Cache`` says ``hit`` or ``miss``. Off unless ``PAGE_CACHE`` is set (on in
production): tests and development see every change at once.

Each worker also keeps the copies it read or rendered in its own memory (Django's
``LocMemCache``, the ``pages`` cache: at most ``PAGE_CACHE_LOCAL_ENTRIES`` copies) for
``PAGE_CACHE_LOCAL_SECONDS`` (1 s): a page read often costs no Redis round trip at all —
that round trip was most of a kept page's cost (about 0.15 ms of 0.5 ms in-process),
and what kept it below the throughput of a static file. A copy in memory is served only
under the version this process last saw (``content_version.seen_version``), so a change made
by this process is seen at its next request; a change made by another worker or server is
seen there within ``PAGE_CACHE_LOCAL_SECONDS``. ``0`` turns the memory layer off.
"""

import re

from django.conf import settings
from django.core.cache import cache, caches

from consortium.caching import content_version

HEADER = "X-Page-Cache"
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# The query parameters of the site's own links: listings' pagination and filters
# (news, members' directory) and the article's vote answer.
CACHEABLE_PARAMETERS = frozenset({"page", "category", "year", "region", "legal_form", "vote"})
PLAIN_VALUE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def has_cacheable_query(request) -> bool:
    """No query string, or only the site's own parameters, once each, with plain values."""
    params = request.GET
    return all(
        name in CACHEABLE_PARAMETERS and len(values) == 1 and PLAIN_VALUE.match(values[0])
        for name, values in params.lists()
    )


def _key(request) -> str:
    return ":".join(["page", request.get_host(), request.get_full_path()])


def may_serve_from_cache(request) -> bool:
    return (
        request.method == "GET"
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and has_cacheable_query(request)
    )


def may_keep(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and "public" in cache_control
        and "s-maxage" in cache_control
        and not response.cookies
        and not response.streaming
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not may_serve_from_cache(request):
            return self.get_response(request)
        key = _key(request)
        kept = caches["pages"].get(key)  # read from Redis (or rendered) less than a second ago
        if kept is None or kept[0] != content_version.seen_version():
            # The version and the copy in one round trip; a copy of another version is stale.
            version, kept = content_version.version_and(key, request)
            if kept is None or kept[0] != version:
                return self.render(request, key, version)
            _keep_in_memory(key, kept)
        response = kept[1]
        response[HEADER] = "hit"
        return response

    def render(self, request, key: str, version: str):
        response = self.get_response(request)
        if may_keep(response):
            cache.set(key, (version, response), timeout=settings.PUBLIC_CACHE_S_MAXAGE)
            _keep_in_memory(key, (version, response))
        response[HEADER] = "miss"
        return response


def _keep_in_memory(key: str, kept: tuple) -> None:
    caches["pages"].set(key, kept, timeout=settings.PAGE_CACHE_LOCAL_SECONDS)
