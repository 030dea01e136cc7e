"""« Traduire » and « Synchroniser les fragments traduits » on a translatable snippet's own edit
page (wagtail-localize 1.14 offers them only in the listing row's « ⋯ » menu).

The buttons are wagtail-localize's own — same permission check, same URLs, same labels —
taken from its ``register_snippet_listing_buttons`` hook function and shown as header
buttons beside the page title. tests/test_admin_language.py checks they are
there and lead to wagtail-localize's screens.
"""

from functools import cached_property

from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import EditView, SnippetViewSet
from wagtail_localize.wagtail_hooks import register_snippet_listing_buttons


class TranslatableSnippetEditView(EditView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for button in register_snippet_listing_buttons(
            self.object, self.request.user, next_url=self.request.get_full_path()
        ):
            buttons.append(
                HeaderButton(
                    label=button.label,
                    url=button.url,
                    icon_name=button.icon_name,
                    priority=button.priority,
                )
            )
        return buttons


class TranslatableSnippetViewSet(SnippetViewSet):
    """The default snippet admin, with the translation buttons on the edit page. Apps
    register their translatable snippets with it by dotted path from models.py
    (``register_snippet(Model, viewset="consortium.upstream.snippet_translation_buttons.…")``), so
    that models.py imports nothing of the admin."""

    edit_view_class = TranslatableSnippetEditView
