"""Page routing in two queries instead of two per level of the tree.

Wagtail finds a page by walking its path: the active locale, the home page's translation,
then for every level one query for the child by slug and one for its specific row — eight
queries for an English article (/en/news/<slug>/) before a line of it is rendered. That
walk alone would spend most of the budget of 12 queries per page (SPEC §7).

``find_route`` gets the same answer with the localised home page from the content version's
cache (``consortium.i18n.languages.localized_homes``), **one** query for every page on the
path (by slug, an indexed column, then matched level by level on the tree's ``path``), and
**one** for the
target's specific row. It defers to the pages themselves wherever Wagtail would ask them:
a page type with its own ``route`` is asked to route the rest of the path, and a routable
page (``RoutablePageMixin``) is asked when one of its sub-routes matches the rest, exactly as
``RoutablePageMixin.route`` does before falling back to its children. Whatever it cannot
decide (no site, no live home page in the language) goes to Wagtail's own routing.

``serve`` stores the result where Wagtail memoises it (``consortium.upstream.route_memo``)
and hands over to Wagtail's ``serve`` view, so its hooks (view restrictions,
``before_serve_page``) and ``Page.find_for_request`` work unchanged.
``tests/test_routing.py`` checks that both routings agree on every kind of address.
"""

from django.http import Http404
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from consortium.i18n import languages
from consortium.upstream import route_memo

# find_route's answer when Wagtail's own routing must decide.
UNDECIDED = object()


def _sub_route_matches(page_class, components) -> bool:
    path = "/" + "".join(f"{component}/" for component in components)
    try:
        page_class.get_resolver().resolve(path)
    except Resolver404:
        return False
    return True


def _asks_the_page(page: Page, components) -> bool:
    """Whether Wagtail would hand the rest of the path to this page's own ``route``."""
    page_class = page.specific_class
    if page_class.route is Page.route:
        return False
    if page_class.route is RoutablePageMixin.route:
        return page.live and _sub_route_matches(page_class, components)
    return True  # a route of its own: let it decide


def _pages_on_path(home: Page, components) -> list[Page]:
    """The pages under ``home`` named by ``components``, level by level (one query); the
    list stops where a level has no such page."""
    if not components:
        return []
    candidates = Page.objects.filter(
        path__startswith=home.path,
        depth__gt=home.depth,
        depth__lte=home.depth + len(components),
        slug__in=set(components),
    )
    by_level = {(page.depth, page.slug, page.path[: -Page.steplen]): page for page in candidates}
    chain = []
    parent = home
    for component in components:
        page = by_level.get((parent.depth + 1, component, parent.path))
        if page is None:
            break
        chain.append(page)
        parent = page
    return chain


def find_route(request, path: str):
    """A ``RouteResult``, ``UNDECIDED`` for Wagtail to decide, or raises ``Http404``."""
    if Site.find_for_request(request) is None:
        return UNDECIDED
    home = languages.localized_homes(request).get(languages.current_language())
    if home is None:
        return UNDECIDED
    components = [component for component in path.split("/") if component]
    chain = [home, *_pages_on_path(home, components)]
    for level, page in enumerate(chain):
        remaining = components[level:]
        if remaining and _asks_the_page(page, remaining):
            return page.specific.route(request, remaining)
    if len(chain) <= len(components):
        raise Http404  # a level of the path names no page
    target = chain[-1]
    if target.specific_class.route is Page.route and not target.live:
        raise Http404
    specific = target.specific
    if len(chain) > 1:
        # As Wagtail means to: the parent is known, get_parent() needs no query.
        route_memo.remember_parent(specific, chain[-2])
    if target.specific_class.route is not Page.route:
        return specific.route(request, [])
    return RouteResult(specific)


def serve(request, path):
    if not route_memo.has_route(request):
        try:
            result = find_route(request, path)
        except Http404:
            result = None
        if result is not UNDECIDED:
            route_memo.remember_route(request, result)
    return wagtail_views.serve(request, path)
