"""Routable pages' URL resolvers built at start-up, not at a first request (a gap in
Wagtail 7.4's RoutablePageMixin under threads).

``RoutablePageMixin.get_resolver`` builds a page type's resolver on its first request and
caches it as a class attribute; building it iterates the ``__dict__`` of every class in
the type's MRO. Two threads of one worker (gunicorn's gthread) serving the first requests
of two routable types at once could see one add its attribute while the other iterates:
« RuntimeError: dictionary changed size during iteration », a 500 (seen by
tests/system/test_two_servers.py). :func:`warm` builds every routable type's resolver, and
its reverse lookups for each language, once all models are loaded and before any request.
tests/test_upstream_overrides.py notices when upstream stops caching the resolver as a
class attribute, so this module can go.
"""

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin

CACHE_ATTRIBUTE = "_routablepage_urlresolver"  # where upstream keeps the resolver


def routable_page_types() -> list[type[RoutablePageMixin]]:
    return [model for model in apps.get_models() if issubclass(model, RoutablePageMixin)]


def warm() -> None:
    for model in routable_page_types():
        resolver = model.get_resolver()
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                resolver.reverse_dict  # noqa: B018 - populates the language's lookups
