"""Wagtail checks a page's view restrictions (private pages, passwords) on every request:
two queries — the page's ancestors, then their restrictions — even where none applies.

``CachedViewRestrictionsMixin`` first asks the cache for the tree paths of the restricted
pages (saving or deleting a restriction, or moving a page, moves the content version on:
``consortium.caching.content_version``). A page that is none of them and under none of
them (restrictions apply to the subtree) gets an empty queryset without a query; under a
restricted page, Wagtail's own check runs unchanged.
"""

from wagtail.models import PageViewRestriction

from consortium.caching import content_version


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages that carry a view restriction."""
    return content_version.cached(
        "view-restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def may_be_restricted(path: str) -> bool:
    return any(path.startswith(restricted) for restricted in restricted_paths())


class CachedViewRestrictionsMixin:
    """First base of every page type (before ``Page``)."""

    def get_view_restrictions(self):
        if not may_be_restricted(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
