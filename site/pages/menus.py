"""The menus as the reader sees them: in their language, with the current page marked.

Both menus are read in one query and their pages localised in one more, whatever the number
of items; the links are then kept in the chrome cache (``consortium.caching.content_version``) until
content changes, and only the current page's marking is worked out per request (memoised on
it: the header and the footer both ask).
When the reader's language has no menu yet (a translation not made), the default
language's menu is used with its pages localised, and its custom labels — words of the
other language — give way to the pages' own titles.
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

from consortium.caching import content_version
from consortium.i18n import languages
from consortium.models import NavigationMenu


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str
    # "page" for the current page, "true" for the section it belongs to, "" otherwise:
    # the value of aria-current.
    current: str = ""


@dataclass(frozen=True)
class _Target:
    """What the current-page marking needs of a menu's page (cached with the links)."""

    id: int
    depth: int
    url_path: str


@dataclass(frozen=True)
class _CachedLink:
    label: str
    url: str
    target: _Target | None


def _current_marker(target: _Target | None, page: Page | None) -> str:
    if target is None or page is None or not page.id:
        return ""
    if target.id == page.id:
        return "page"
    # A section (« Actualités ») is current for its articles; the home page is the root of
    # every path and is never a section.
    if target.depth > 2 and page.url_path.startswith(target.url_path):
        return "true"
    return ""


def _menus_by_slot() -> dict[str, tuple[NavigationMenu, bool]]:
    """Each slot's menu in the active language, else in the default one (one query).

    The flag says whether the menu is in the reader's language.
    """
    language = languages.current_language()
    default = languages.default_language()
    menus = NavigationMenu.objects.filter(
        locale__language_code__in={language, default}
    ).select_related("locale")
    chosen: dict[str, tuple[NavigationMenu, bool]] = {}
    for menu in menus:
        own = menu.locale.language_code == language
        if own or menu.slot not in chosen:
            chosen[menu.slot] = (menu, own)
    return chosen


def _page_ids(menu: NavigationMenu) -> list[int]:
    # The raw StreamField data: reading ``item.value["page"]`` would load every page once
    # more, only to be replaced by its translation.
    return [
        item["value"]["page"]
        for item in menu.items.raw_data
        if item["type"] == "page" and item["value"].get("page")
    ]


def _links(menu: NavigationMenu, own_language: bool, pages, request) -> list[_CachedLink]:
    links = []
    for item in menu.items.raw_data:
        value = item["value"]
        if item["type"] == "link":
            links.append(_CachedLink(label=value["label"], url=value["url"], target=None))
            continue
        target = pages.get(value.get("page"))
        if target is None:  # unpublished or deleted since the menu was written
            continue
        label = value.get("label") if own_language else ""
        links.append(
            _CachedLink(
                label=label or target.title,
                url=target.get_url(request),
                target=_Target(target.id, target.depth, target.url_path),
            )
        )
    return links


def menus(request, page: Page | None) -> dict[str, list[MenuLink]]:
    """{"main": [...], "footer": [...]} for this request (memoised on it)."""
    if not hasattr(request, "_menus"):
        site = Site.find_for_request(request)
        cached = content_version.cached(
            "menus",
            lambda: _build(request),
            languages.current_language(),
            site.pk if site else "",
            request=request,
        )
        request._menus = {
            slot: [
                MenuLink(link.label, link.url, _current_marker(link.target, page)) for link in links
            ]
            for slot, links in cached.items()
        }
    return request._menus


def _build(request) -> dict[str, list[_CachedLink]]:
    chosen = _menus_by_slot()
    page_ids = [page_id for menu, _own in chosen.values() for page_id in _page_ids(menu)]
    pages = languages.localized_page_map(page_ids)
    return {slot: _links(menu, own, pages, request) for slot, (menu, own) in chosen.items()}
