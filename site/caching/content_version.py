"""The site chrome — menus, localised home pages, footer texts and contact details — read
from the database once, then from the cache, until content changes.

Every public page shows the same header and footer; building them costs about eight
queries, more than the page's own content on most page types. They are kept in Django's
cache (Redis in production, shared by every app server) under a *version*: any change that
can alter them — a page published, unpublished, moved or deleted, a menu, the site texts,
the contact settings, an office, a social link, a site or a language saved or deleted —
moves the version on, so every server reads fresh chrome at its next request. Nothing is
ever deleted key by key, so there is no key to forget; old versions expire on their own.

Per-request parts (the current page marked in the menus, the language switcher of the page)
are computed from the cached data, never cached themselves.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "chrome:version"
# Entries of a version nobody reads any more leave the cache after this long.
TIMEOUT = 24 * 60 * 60
# The last version this process read or set (the page cache's copies in memory are valid
# under it only: consortium.caching.page_cache).
_seen: dict[str, str | None] = {"version": None}


def seen_version() -> str | None:
    """The version this process last read from the cache or set itself (no cache read)."""
    return _seen["version"]


def version(request=None) -> str:
    """The current chrome version (one cache read; a new one when the cache was emptied).

    With a ``request``, read once per request and memoised on it: the page cache, the menus,
    the home pages and the footer of one response all use the same version.
    """
    if request is not None and hasattr(request, "_chrome_version"):
        return request._chrome_version
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        # add(): two servers starting at once agree on the first version.
        if not cache.add(VERSION_KEY, current, timeout=None):
            current = cache.get(VERSION_KEY, current)
    if request is not None:
        request._chrome_version = current
    _seen["version"] = current
    return current


def version_and(key: str, request):
    """The current version and the value of ``key``, read in one round trip (``get_many``),
    the version memoised on ``request`` as ``version()`` does."""
    values = cache.get_many([VERSION_KEY, key])
    current = values.get(VERSION_KEY)
    if current is None:  # emptied, or Redis is down: a new version, nothing kept
        return version(request), None
    request._chrome_version = _seen["version"] = current
    return current, values.get(key)


def invalidate(*args, **kwargs) -> None:
    """Move the version on: every cached piece of chrome is stale from now on."""
    _seen["version"] = uuid.uuid4().hex
    cache.set(VERSION_KEY, _seen["version"], timeout=None)


def _key(name: str, parts, request=None) -> str:
    return ":".join(["chrome", version(request), name, *(str(part) for part in parts)])


def cached(name: str, build, *parts, request=None):
    """``build()``, kept under the current version and ``parts`` (language, site…)."""
    key = _key(name, parts, request)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def cached_pages(name: str, pages, build_query, *parts) -> list:
    """The pages that a costly query picks (joins, subqueries: related lists), the query run
    only when content changed: its result is kept as primary keys under the current version
    and ``parts``, and read back from ``pages`` by primary key in the query's order (one
    cheap query instead of the costly one). ``pages`` filters again (``live()``…), so a
    stale key shows nothing that should not be shown."""
    key = _key(name, parts)
    pks = cache.get(key)
    if pks is None:
        found = list(build_query())
        cache.set(key, [page.pk for page in found], timeout=TIMEOUT)
        return found
    by_pk = pages.in_bulk(pks)
    return [by_pk[pk] for pk in pks if pk in by_pk]


def _chrome_models():
    from wagtail.models import Locale, PageViewRestriction, Site

    from consortium.models import (
        NavigationMenu,
        Office,
        OrganisationSettings,
        SiteTexts,
        SocialLink,
    )

    return [
        NavigationMenu,
        SiteTexts,
        OrganisationSettings,
        Office,
        SocialLink,
        Site,
        Locale,
        PageViewRestriction,
    ]


def connect() -> None:
    for model in _chrome_models():
        for signal in (post_save, post_delete):
            kind = "saved" if signal is post_save else "deleted"
            signal.connect(invalidate, sender=model, dispatch_uid=f"chrome-{model.__name__}-{kind}")
    page_published.connect(invalidate, dispatch_uid="chrome-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="chrome-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="chrome-page-moved")
    # Any page model (the signal's sender is the specific class).
    post_delete.connect(_on_page_delete, dispatch_uid="chrome-page-deleted")


def _on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()
