"""Admin registration of the site-wide snippets, under « Paramètres » next to the contact
settings: staff find everything about the site's frame (menus, footer texts) in one place;
and the content checker's rules (consortium.staff.content_checks)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from consortium.caching.headers import note_document
from consortium.models import NavigationMenu, SearchSynonym, SiteTexts
from consortium.staff import editor_guide
from consortium.staff.content_checks import use_content_checks
from consortium.staff.postal_address import warning_panels
from consortium.staff.two_factor import recovery_codes
from consortium.upstream import otp_webauthn, wagtail_2fa
from consortium.upstream.snippet_translation_buttons import TranslatableSnippetViewSet


class NavigationMenuViewSet(TranslatableSnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]


class SiteTextsViewSet(TranslatableSnippetViewSet):
    model = SiteTexts
    icon = "doc-full"
    menu_label = _("Site texts")
    add_to_settings_menu = True
    list_display = ["__str__", "privacy_officer_name"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["term", "finds", "language"]
    list_filter = ["language"]


register_snippet(NavigationMenuViewSet)
register_snippet(SiteTextsViewSet)
register_snippet(SearchSynonymViewSet)


# The editorial guide, in the help menu instead of Wagtail's English web links --------------


@hooks.register("register_admin_urls")
def editor_guide_url():
    return [path("guide/", editor_guide.editor_guide, name="editor_guide")]


class WritersMenuItem(MenuItem):
    """Shown to those who write or translate pages only (not to the committee, the
    services team or the privacy officer, who write none)."""

    def is_shown(self, request):
        return editor_guide.writes_pages(request.user)


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return WritersMenuItem(
        _("Editorial guide"), reverse("editor_guide"), icon_name="help", order=900
    )


@hooks.register("construct_help_menu")
def without_upstream_guides(request, menu_items):
    menu_items[:] = [item for item in menu_items if not editor_guide.is_upstream_help(item)]


@hooks.register("construct_reports_menu")
def translations_report_for_translators(request, menu_items):
    """wagtail-localize shows its « Traductions » report to everyone with the admin."""
    if not editor_guide.translates(request.user):
        report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report]


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("consortium/css/admin.css"))


@hooks.register("insert_global_admin_js")
def upstream_labels_script():
    return format_html(
        '<script src="{}" defer></script>', static("consortium/js/admin-upstream-labels.js")
    )


@hooks.register("construct_wagtail_userbar")
def content_checks(request, items, page):
    use_content_checks(items)


# Second factor (consortium.staff.two_factor) ---------------------------------------------------


@hooks.register("register_admin_urls", order=-1)  # before wagtail-2fa's
def two_factor_code_form():
    return wagtail_2fa.urls()


@hooks.register("register_admin_urls")
def passkey_urls():
    return otp_webauthn.urls()


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("2fa/recovery-codes/", recovery_codes, name="two_factor_recovery_codes")]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("Recovery codes"),
        "help_text": _("Codes that sign you in once each when your phone is not at hand."),
    }


@hooks.register("construct_main_menu", order=100)  # after wagtail-2fa's own hook
def two_factor_menu_in_french(request, menu_items):
    wagtail_2fa.relabel_setup_menu(request, menu_items)


@hooks.register("construct_homepage_panels")
def postal_address_warning(request, panels):
    panels[:0] = warning_panels(request)


@hooks.register("before_serve_document")
def remember_whether_the_document_is_public(document, request):
    note_document(request, document)  # its cache headers (consortium.caching.headers)
