"""Structured data for search engines: schema.org NewsArticle."""

from django.conf import settings

from consortium.i18n.languages import current_language
from consortium.pages.seo import SOCIAL_IMAGE_SPEC


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def news_article_data(request, page) -> dict:
    url = absolute(request, page.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.date).isoformat(),
        # Pages are served under their own language's prefix: the active language is the
        # page's (and costs no query, unlike page.locale).
        "inLanguage": current_language(),
        "mainEntityOfPage": url,
        "url": url,
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if page.byline:
        data["author"] = {"@type": "Person", "name": page.byline}
    else:
        data["author"] = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    if page.featured_image:
        rendition = page.featured_image.get_rendition(SOCIAL_IMAGE_SPEC)
        data["image"] = [absolute(request, rendition.url)]
    if page.category:
        data["articleSection"] = page.category.name
    return data
