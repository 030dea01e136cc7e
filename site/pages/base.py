"""``BasePage``: what every page type of the site starts from (the core layer).

- ``CachedViewRestrictionsMixin`` first, so that a page never spends two queries asking
  whether it is private on a site where nothing is (``consortium.pages.view_restrictions``);
- the translatable fields every page has (title, slug, SEO title and description), which
  page types extend: ``translatable_fields = BasePage.translatable_fields + [...]``;
- the page editor form without Django's « hidden initial » (``consortium.pages.forms``);
- Wagtail's search fields, which page types extend the same way, and the folded, stemmed
  terms of the title and of the ``search_text_fields`` (consortium.search.terms), which
  make search work alike in French and English on every database;
- ``offered_to_members``: the page types the member space's dashboard links.

A test (tests/test_architecture.py) fails when a page model does not derive from it.
"""

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from consortium.pages.forms import PageForm
from consortium.pages.view_restrictions import CachedViewRestrictionsMixin
from consortium.search.terms import terms_text

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class BasePage(CachedViewRestrictionsMixin, Page):
    base_form_class = PageForm
    # The fields whose words search finds, besides the title (page types name theirs).
    search_text_fields: tuple[str, ...] = ()
    search_fields = Page.search_fields + [
        index.SearchField("search_title_terms"),
        index.SearchField("search_text_terms"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS
    # A page type another app offers members (the service request form) says so here: the
    # member space's dashboard links its live pages without importing that app.
    offered_to_members = False

    def search_language(self) -> str:
        return self.locale.language_code

    def search_title_terms(self) -> str:
        return terms_text(self.title, self.search_language())

    def search_text_terms(self) -> str:
        parts = [self.search_description]
        for name in self.search_text_fields:
            field = self._meta.get_field(name)
            value = field.value_from_object(self)
            if hasattr(field, "get_searchable_content"):
                parts.extend(field.get_searchable_content(value))
            else:
                parts.append(str(value or ""))
        return terms_text(strip_tags(" ".join(parts)), self.search_language())

    class Meta:
        abstract = True
