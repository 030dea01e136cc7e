"""Views of the home app outside Wagtail's page tree."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from consortium.i18n.languages import current_language

from .search import paginated_results, specific_in_order


@never_cache
@require_safe
def search(request):
    """`/fr/recherche/?q=` and `/en/search/?q=`: paginated results, never cached."""
    query, results = paginated_results(
        request.GET.get("q", ""), current_language(), request.GET.get("page")
    )
    pages = specific_in_order(results) if results is not None else []
    return render(request, "home/search.html", {"query": query, "results": results, "pages": pages})
