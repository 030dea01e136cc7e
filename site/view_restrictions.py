"""Wagtail checks a page's view restrictions (private pages, passwords) on every request:
two queries — the page's ancestors, then their restrictions — even on a site that has none.

``CachedViewRestrictionsMixin`` first asks the chrome cache whether any restriction exists
at all (saving or deleting one moves the cache's version on, see ``consortium.chrome_cache``);
when none does, the answer is an empty queryset without a query. With a restriction
anywhere, Wagtail's own check runs unchanged.
"""

from wagtail.models import PageViewRestriction

from . import chrome_cache


def any_view_restrictions() -> bool:
    return chrome_cache.cached("view-restrictions", PageViewRestriction.objects.exists)


class CachedViewRestrictionsMixin:
    """First base of every page type (before ``Page``)."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
