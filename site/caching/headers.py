"""Cache headers: who may keep a copy of a response, and for how long.

Public pages (under /fr/ and /en/) are the same for every anonymous reader, so shared
caches (a CDN) may keep them `PUBLIC_CACHE_S_MAXAGE` seconds and serve a stale copy while
they fetch a fresh one (`stale-while-revalidate`); browsers keep them briefly
(`PUBLIC_CACHE_MAX_AGE`). Publishing purges the shared copies (consortium.caching.purge).
Everything personal is never cached: the admin, a visitor with a session (staff see the
userbar), a response that sets a cookie or carries a CSRF token, and the views that say so
themselves (forms, search, personal links: they set
their own Cache-Control, which is left alone).

Documents (/documents/…, served by the site after Wagtail's privacy check): one in a
collection restricted to members is never kept by a shared cache (a CDN keeps `.pdf`
files by default, whatever the site says, unless told `private`); a public one is cached
as a public page.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PUBLIC_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
PRIVATE_PREFIXES = ("/admin/",)
DOCUMENTS_PREFIX = "/documents/"


def note_document(request, document) -> None:
    """Remembers whether the document served is public (Wagtail's ``before_serve_document``
    hook, in consortium.wagtail_hooks), for :func:`cache_policy`."""
    request.document_is_public = not document.collection.get_view_restrictions().exists()


def cache_policy(request, response) -> None:
    if response.has_header("Cache-Control"):
        return  # the view decided (never_cache on forms, search, personal links)
    if request.path.startswith(PRIVATE_PREFIXES):
        add_never_cache_headers(response)
        return
    if request.path.startswith(DOCUMENTS_PREFIX):
        if response.status_code == 200 and getattr(request, "document_is_public", False):
            mark_public(response)
        else:
            add_never_cache_headers(response)  # includes `private`
        return
    if request.method not in ("GET", "HEAD") or not request.path.startswith(PUBLIC_PREFIXES):
        return
    # A page that used the CSRF token is tied to this visitor's cookie: never shared.
    personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
    if settings.SESSION_COOKIE_NAME in request.COOKIES or personal or response.status_code >= 500:
        add_never_cache_headers(response)
        return
    mark_public(response)


def mark_public(response) -> None:
    """The same for every reader: shared caches and browsers may keep it (the settings'
    PUBLIC_CACHE_* durations)."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_MAX_AGE,
        s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
    )
    patch_vary_headers(response, ["Accept-Encoding"])


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_policy(request, response)
        return response
