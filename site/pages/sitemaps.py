"""sitemap.xml: every live public page of the site, in every language.

Built once per content version, scheme and host (consortium.caching.content_version:
publishing moves the version on), then served from the cache with the public pages' cache
headers: crawlers ask for it often, and building it walks the whole tree.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, Site

from consortium.caching import content_version, headers


class PagesSitemap(Sitemap):
    """Pages under each translation of the default site's home page."""

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        homes = site.root_page.get_translations(inclusive=True).live()
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        if not homes:
            return Page.objects.none()
        return Page.objects.live().public().filter(in_a_home).order_by("path")

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at


def sitemap_view(request: HttpRequest) -> HttpResponse:
    def build() -> bytes:
        response = sitemap(request, sitemaps={"pages": PagesSitemap})
        return response.render().content

    body = content_version.cached(
        "sitemap", build, request.scheme, request.get_host(), request=request
    )
    response = HttpResponse(body, content_type="application/xml")
    headers.mark_public(response)
    return response
