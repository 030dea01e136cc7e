"""Adding a page without autosave (a gap in Wagtail 7.4, closed here).

Wagtail's autosave (``WAGTAIL_AUTOSAVE_INTERVAL``) saves a new page as a draft a moment
after the editor starts typing: an editor who then gives up leaves an orphan draft in
the tree, and starting again with the same title fails on its slug. Autosave is kept
where it protects work — editing an existing page — and turned off on « Ajouter une
page », the way Wagtail itself turns it off on its revision-revert view. The view is
routed ahead of Wagtail's own at the same address (site/urls.py); a test checks that the
add page has no autosave and the edit page still has it.
"""

from wagtail.admin.views.pages.create import CreateView


class CreatePageView(CreateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        context.pop("autosave_indicator", None)
        return context
