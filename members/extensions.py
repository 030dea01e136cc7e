"""What other apps add to the member space (the general assembly's pages, for one),
without the member space importing them: ``settings.MEMBER_SPACE_EXTENSIONS`` names their
modules, each with

- ``routes``: URL patterns added to the member space page's own (RoutablePageMixin); each
  view is called as ``view(page, request, …)``, with the member space page;
- ``dashboard_links``: (route name, label) pairs the dashboard lists under « Your
  organisation's other pages ».

They are read when the page type's resolver is built (consortium.upstream.routable_resolvers,
once all apps are loaded).
"""

from functools import cache
from importlib import import_module

from django.conf import settings
from django.urls import URLPattern


@cache
def _modules() -> list:
    return [import_module(name) for name in getattr(settings, "MEMBER_SPACE_EXTENSIONS", [])]


def routes() -> list[URLPattern]:
    return [route for module in _modules() for route in getattr(module, "routes", [])]


def dashboard_links() -> list[tuple[str, str]]:
    return [link for module in _modules() for link in getattr(module, "dashboard_links", [])]
