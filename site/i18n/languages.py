"""Language switcher and hreflang alternates built from real translations.

A page's switcher links to the same page in the other language when a live translation
exists, else to that language's home page; hreflang alternates list only real translations
(claiming the home page as an alternate of an article would mislead search engines).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def _language_names() -> dict[str, str]:
    """Each language by its own name (« Français », « English »), whatever the page's."""
    return {
        code: capfirst(get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
    }


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def default_language() -> str:
    """The source language: what a reader gets when their language lacks a translation."""
    return settings.LANGUAGE_CODE[:2]


def live_translations(page: Page) -> dict[str, Page]:
    """Live versions of ``page`` in every locale, by language code (one query)."""
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


def localized_homes(request) -> dict[str, Page]:
    """The site's home page in every language that has a live one, by language code.

    Kept in the chrome cache until content changes (every page's header links to it), and
    memoised on the request: the header, the switcher and the 404 page all ask for it.
    """
    if not hasattr(request, "_localized_homes"):
        from consortium.caching import content_version

        site = Site.find_for_request(request)
        request._localized_homes = (
            content_version.cached(
                "homes", lambda: live_translations(site.root_page), site.pk, request=request
            )
            if site
            else {}
        )
    return request._localized_homes


def localized_page_map(page_ids) -> dict[int, Page]:
    """For each page id, the page in the active language when it has a live translation,
    else the page itself when live; ids with neither are left out. One query."""
    wanted = {page_id for page_id in page_ids if page_id}
    if not wanted:
        return {}
    keys = Page.objects.filter(id__in=wanted).values("translation_key")
    versions = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
    language = current_language()
    by_key: dict = {}
    originals: dict[int, Page] = {}
    for version in versions:
        if version.id in wanted:
            originals[version.id] = version
        if version.locale.language_code == language:
            by_key[version.translation_key] = version
    return {
        page_id: by_key.get(original.translation_key, original)
        for page_id, original in originals.items()
    }


def language_links(
    request, page: Page | None = None, translations: dict[str, Page] | None = None
) -> list[LanguageLink]:
    """One link per configured language, for the switcher.

    ``translations`` (from :func:`live_translations`) may be passed to share one query
    with :func:`hreflang_alternates`.
    """
    current = current_language()
    if page is not None and translations is None:
        translations = live_translations(page)
    translations = translations or {}
    homes = None
    links = []
    for code, name in _language_names().items():
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is None:
            # A Django view (not a Wagtail page): its URL pattern exists in every language.
            url = translate_url(request.get_full_path(), code)
        else:
            if homes is None:
                homes = localized_homes(request)
            home = homes.get(code)
            url = home.get_url(request) if home is not None else f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current))
    return links


def hreflang_alternates(
    request, page: Page | None = None, translations: dict[str, Page] | None = None
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) pairs for real translations, plus x-default (French).

    URLs are made absolute from the request's host (validated by ALLOWED_HOSTS), so they
    are right behind any domain without keeping Wagtail's Site hostname in sync.
    """
    if page is None:
        alternates = [
            (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
            for code in _language_names()
        ]
    else:
        if translations is None:
            translations = live_translations(page)
        alternates = [
            (code, request.build_absolute_uri(translations[code].get_url(request)))
            for code in _language_names()
            if code in translations
        ]
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if len(alternates) > 1 and default:
        alternates.append(("x-default", default))
    return alternates
