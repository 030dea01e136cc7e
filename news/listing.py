"""The news listing's filters and pagination, from the query string.

Filters are plain links (`?category=partenariats&year=2020&page=2`): shareable, cacheable,
usable without JavaScript. Invalid values (page 0, 999, "abc", an unknown category) never
cause an error: an unknown filter is ignored, an out-of-range page shows the nearest one.
"""

from django.core.paginator import Paginator
from django.http import QueryDict

NEWS_PER_PAGE = 12


def _year(value: str | None) -> int | None:
    if value and value.isdigit() and len(value) == 4:
        return int(value)
    return None


def filtered_listing(index, params: QueryDict) -> dict:
    articles = index.articles()
    categories = list(index.categories())
    category = next((c for c in categories if c.slug == params.get("category")), None)
    if category is not None:
        articles = articles.filter(category=category)
    years = index.years()
    year = _year(params.get("year"))
    if year not in years:
        year = None
    if year is not None:
        articles = articles.filter(date__year=year)
    page = Paginator(articles, NEWS_PER_PAGE).get_page(params.get("page"))
    return {
        "articles": page,
        "categories": categories,
        "current_category": category,
        "years": years,
        "current_year": year,
        "filter_query": _query(category, year),
    }


def _query(category, year) -> str:
    """The filters as a query string prefix for pagination links (« category=x&year=y& »)."""
    parts = []
    if category is not None:
        parts.append(f"category={category.slug}")
    if year is not None:
        parts.append(f"year={year}")
    return "".join(f"{part}&" for part in parts)
