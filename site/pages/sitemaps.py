"""sitemap.xml: every live public page of the site, in every language."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.models import Page, Site


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
