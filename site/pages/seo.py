"""What a page tells search engines and social networks: description, canonical URL,
Open Graph and Twitter card. Works for any page type; articles add their image."""

import json
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from consortium.i18n.languages import current_language

# Every page has a description (search engines show it; Lighthouse asks for it): the page's
# own when it has one (SEO description, summary, introduction), else the site's.
SITE_DESCRIPTION = _(
    "A Québec solidarity cooperative that gives cooperatives, mutuals and non-profits shared "
    "access to some fifty experts in about twenty fields, at fair cost."
)

OG_LOCALES = {"fr": "fr_CA", "en": "en_CA"}
# One rendition serves Open Graph, Twitter cards and JSON-LD (1.91:1, as the networks crop).
SOCIAL_IMAGE_SPEC = "fill-1200x630"


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical: str
    og_type: str
    og_locale: str
    image_url: str
    image_alt: str


def _description(page) -> str:
    for attribute in ("search_description", "summary", "intro", "hero_intro"):
        value = getattr(page, attribute, "")
        if value:
            return value.strip()
    return str(SITE_DESCRIPTION)


def page_meta(request, page) -> PageMeta:
    image = getattr(page, "featured_image", None)
    image_url = ""
    if image is not None:
        image_url = request.build_absolute_uri(image.get_rendition(SOCIAL_IMAGE_SPEC).url)
    return PageMeta(
        title=page.seo_title or page.title,
        description=_description(page),
        canonical=request.build_absolute_uri(page.get_url(request)),
        og_type="article" if hasattr(page, "summary") else "website",
        # Pages are served under their own language's prefix: the active language is the
        # page's (and costs no query, unlike page.locale).
        og_locale=OG_LOCALES.get(current_language(), "fr_CA"),
        image_url=image_url,
        image_alt=getattr(page, "featured_image_alt", "") if image_url else "",
    )


# Characters that would let a string close the <script> element (same as json_script).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict):
    """``data`` as a JSON-LD <script> element that no string in it can break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
