"""Template tags for the site-wide layout: language switcher, hreflang, menus, footer."""

from django import template
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page

from consortium.caching import content_version
from consortium.i18n import formatting, languages
from consortium.models import OrganisationSettings
from consortium.pages import localized_settings, menus, seo

register = template.Library()


def _page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) and page.id else None


@register.simple_tag(takes_context=True)
def language_context(context):
    """Switcher links and hreflang alternates, sharing one translations query."""
    request = context["request"]
    page = _page(context)
    translations = languages.live_translations(page) if page is not None else None
    return {
        "links": languages.language_links(request, page, translations),
        "alternates": languages.hreflang_alternates(request, page, translations),
    }


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (falls back to the site root)."""
    request = context["request"]
    homes = languages.localized_homes(request)
    return homes.get(languages.current_language()) or next(iter(homes.values()), None)


@register.simple_tag(takes_context=True)
def site_menus(context):
    """The main and footer menus in the reader's language, current page marked."""
    return menus.menus(context["request"], _page(context))


@register.simple_tag(takes_context=True)
def chrome_version(context):
    """The chrome cache's version, for ``{% cache %}`` fragments of the layout."""
    return content_version.version(context.get("request"))


@register.simple_tag(takes_context=True)
def site_texts(context):
    """The footer presentation and the privacy officer in the reader's language."""
    return localized_settings.site_texts(context["request"])


@register.simple_tag(takes_context=True)
def contact_page_url(context) -> str:
    """The contact page of the contact settings, in the page's language ("" when unset);
    kept with the site chrome until content changes."""
    request = context.get("request")

    def build() -> str:
        target = OrganisationSettings.load(request_or_site=request).contact_page
        return (target.localized.get_url(request) or "") if target else ""

    return content_version.cached("contact-page-url", build, get_language(), request=request)


@register.filter
def language_name(code):
    """« Anglais » for ``en`` in French (the active language's name for it)."""
    return formatting.language_name(code)


@register.filter
def phone_display(number):
    return formatting.format_phone(number)


@register.filter
def phone_uri(number):
    return f"tel:{number.as_e164}" if number else ""


@register.simple_tag
def opening_hours(settings_obj):
    return formatting.format_opening_hours(settings_obj)


@register.simple_tag
def breadcrumb_pages(page):
    """Ancestors from the home page down to the parent of ``page`` (one query)."""
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).select_related("locale"))


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))


@register.simple_tag(takes_context=True)
def page_meta(context):
    page = _page(context)
    return seo.page_meta(context["request"], page) if page is not None else None


@register.simple_tag
def site_description():
    """For pages that are not Wagtail pages (search, errors): the site's description."""
    return seo.SITE_DESCRIPTION


@register.filter
def long_date(value):
    return formatting.format_long_date(value) if value else ""


@register.simple_tag
def footer_panels() -> list[str]:
    """The templates feature apps add to the footer, each a column of its grid (the hook
    « consortium_footer_panels » returns a template name: the newsletter's short form)."""
    return [panel() for panel in hooks.get_hooks("consortium_footer_panels")]


@register.filter
def without_final_stop(label) -> str:
    """A label that is a sentence (a consent box's) without its final stop, so that « label :
    error » does not read « …la demande. : … » in the error summary."""
    return str(label).rstrip().rstrip(".:;").rstrip()
