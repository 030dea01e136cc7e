"""Admin registration of the site-wide snippets, under « Paramètres » next to the contact
settings: staff find everything about the site's frame (menus, footer texts) in one place;
and the content checker's rules (consortium.content_checks)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .content_checks import use_content_checks
from .models import NavigationMenu, SiteTexts


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]


class SiteTextsViewSet(SnippetViewSet):
    model = SiteTexts
    icon = "doc-full"
    menu_label = _("Site texts")
    add_to_settings_menu = True
    list_display = ["__str__", "privacy_officer_name"]


register_snippet(NavigationMenuViewSet)
register_snippet(SiteTextsViewSet)


@hooks.register("construct_wagtail_userbar")
def content_checks(request, items, page):
    use_content_checks(items)
