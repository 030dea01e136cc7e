"""``BasePage``: what every page type of the site starts from (the core layer).

- ``CachedViewRestrictionsMixin`` first, so that a page never spends two queries asking
  whether it is private on a site where nothing is (``consortium.view_restrictions``);
- the translatable fields every page has (title, slug, SEO title and description), which
  page types extend: ``translatable_fields = BasePage.translatable_fields + [...]``;
- the page editor form without Django's « hidden initial » (``consortium.page_forms``);
- Wagtail's search fields, which page types extend the same way.

A test (tests/test_architecture.py) fails when a page model does not derive from it.
"""

from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from .page_forms import PageForm
from .view_restrictions import CachedViewRestrictionsMixin

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class BasePage(CachedViewRestrictionsMixin, Page):
    base_form_class = PageForm
    search_fields = Page.search_fields
    translatable_fields = PAGE_TRANSLATABLE_FIELDS

    class Meta:
        abstract = True
