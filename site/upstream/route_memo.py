"""Where Wagtail and treebeard memoise what the site's routing already knows
(``consortium.pages.routing``): two private attributes, written here and nowhere else.

- ``request._wagtail_route_for_request``: ``Page.route_for_request`` returns it when set,
  so Wagtail's ``serve`` view, its hooks and ``Page.find_for_request`` reuse the route
  found in two queries instead of walking the tree again.
- ``page._cached_parent_obj``: treebeard's ``MP_Node.get_parent`` returns it when set (as
  Wagtail's own ``Page.route`` does), so a page whose parent routing just read asks no
  query for it.

If upstream renames either attribute, the fast path would switch off in silence and every
test still pass: ``tests/test_upstream_overrides.py`` reads each one back through the
public method that uses it, and fails first. To retire this module, route with Wagtail's
own ``serve`` (delete ``consortium.pages.routing.serve``'s fast path).
"""

from typing import Any

ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
PARENT_ATTRIBUTE = "_cached_parent_obj"


def has_route(request) -> bool:
    return hasattr(request, ROUTE_ATTRIBUTE)


def remember_route(request, result: Any) -> None:
    """What ``Page.route_for_request`` will return for ``request`` (a RouteResult or None)."""
    setattr(request, ROUTE_ATTRIBUTE, result)


def remember_parent(page, parent) -> None:
    """What ``page.get_parent()`` will return, without a query."""
    setattr(page, PARENT_ATTRIBUTE, parent)
