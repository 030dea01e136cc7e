"""Site search over news and the fields of expertise in the reader's language.

The query becomes folded, stemmed terms (consortium.search.terms), with those of the
staff's synonyms for its words; the pages the backend finds for any of them are listed
with the pages whose title has one of the query's terms first, in the backend's order
otherwise.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from wagtail.models import Locale, Page

from consortium.models import SearchSynonym
from consortium.search.backend import backend_for_language
from consortium.search.terms import terms

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_RESULTS = 200  # ranked in Python: far more than anyone reads


def searchable_models():
    from expertise.models import ExpertisePage
    from news.models import NewsPage

    return [NewsPage, ExpertisePage]


def synonym_terms(asked: list[str], language: str) -> list[str]:
    """The terms of the staff's synonyms whose word is among the query's terms (one
    query; « avocats » uses the synonym « avocat »)."""
    found = []
    synonyms = SearchSynonym.objects.filter(language=language).values_list("term", "finds")
    for term, finds in synonyms:
        typed = terms(term, language)
        if typed and set(asked).issuperset(typed):
            found += terms(finds, language)
    return found


def search_pages(query: str, language: str) -> list[Page]:
    """Live, public pages of the searchable types in ``language`` matching ``query``, the
    pages whose title has one of the query's own terms first."""
    asked = terms(query, language)
    if not asked:
        return []
    wanted = dict.fromkeys(asked + synonym_terms(asked, language))
    locale = Locale.objects.filter(language_code=language).first()
    pages = Page.objects.live().public().filter(locale=locale).type(*searchable_models())
    found = list(
        backend_for_language(language).search(" ".join(wanted), pages, operator="or")[:MAX_RESULTS]
    )
    in_title = set(asked)
    return sorted(found, key=lambda page: not in_title & set(terms(page.title, language)))


def clean_query(query: str) -> str:
    """Printable text only (databases refuse NUL bytes), no double quotes (the full-text
    engines read them as unbalanced phrase syntax), single spaces, bounded length."""
    printable = "".join(char if char.isprintable() and char != '"' else " " for char in query)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def paginated_results(query: str, language: str, page_number):
    query = clean_query(query)
    if not query:
        return query, None
    results = search_pages(query, language)
    return query, Paginator(results, RESULTS_PER_PAGE).get_page(page_number)


def specific_in_order(results) -> list[Page]:
    """The specific pages of a page of results, in rank order: one query per page type,
    with each page's locale (its URL needs it)."""
    by_type: dict = {}
    for result in results:
        by_type.setdefault(result.content_type_id, []).append(result.pk)
    pages = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        pages.update(model.objects.filter(pk__in=ids).select_related("locale").in_bulk())
    return [pages[result.pk] for result in results if result.pk in pages]
