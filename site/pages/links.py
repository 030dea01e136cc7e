"""« This page type's live page in this language, as a path or an absolute URL », written
once: every email and redirect that points at a page of the site (the membership page, the
member space, the newsletter's, an event's) asks here.

One fallback everywhere: the page in the language asked for, else in the default language,
else any live one; "" when the site has none. Absolute addresses start with the site's
public address as configured (``WAGTAILADMIN_BASE_URL``: the same host serves the site and
its admin), not the Site record's host and port, which a worker sending emails cannot know.
A page type of another app may be named by its label (``"membership.MembershipPage"``), so
that asking for its address does not make the asking app depend on it.
"""

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from consortium.i18n.languages import default_language


def _model(page_type: type[Page] | str) -> type[Page]:
    return apps.get_model(page_type) if isinstance(page_type, str) else page_type


def live_page(page_type: type[Page] | str, language: str) -> Page | None:
    """The live page of ``page_type`` in ``language`` (one query), with the fallback above."""
    pages = list(_model(page_type).objects.live().select_related("locale").order_by("pk"))
    for wanted in (language, default_language()):
        for page in pages:
            if page.locale.language_code == wanted:
                return page
    return pages[0] if pages else None


def in_language(page: Page, language: str) -> Page:
    """``page``'s live translation in ``language``, or ``page`` itself."""
    translated = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=language)
        .live()
        .specific()
        .first()
    )
    return translated or page


def page_url(page: Page, route: str = "", args: Iterable = (), *, absolute: bool = True) -> str:
    """``page``'s address, with one of its sub-routes (a routable page's ``route`` name and
    ``args``) reversed in the page's own language."""
    suffix = ""
    if route:
        with translation.override(page.locale.language_code):
            suffix = page.reverse_subpage(route, args=list(args))
    _site_id, _root_url, path = page.get_url_parts()
    prefix = settings.WAGTAILADMIN_BASE_URL.rstrip("/") if absolute else ""
    return prefix + path + suffix


def live_page_url(
    page_type: type[Page] | str,
    language: str,
    route: str = "",
    args: Iterable = (),
    *,
    absolute: bool = True,
) -> str:
    """The address of ``page_type``'s live page in ``language`` (``live_page``), "" when
    there is none."""
    page = live_page(page_type, language)
    return "" if page is None else page_url(page, route, args, absolute=absolute)
