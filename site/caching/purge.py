"""Purging the shared cache (CDN) when content changes, with Wagtail's frontend-cache
backends (Cloudflare, CloudFront, an HTTP PURGE to Varnish…, set by WAGTAILFRONTENDCACHE).

Wagtail's own frontend-cache app purges only the page that was published. A page also
appears on its parent (an index: the news listing) and on its language's home page (the
latest news), and a page that moves or disappears leaves its old address behind; so these
handlers purge, in one batch: the page, its parent and its home page — on publish and
unpublish — plus the old address on a move, and the page on delete. With no backend
configured, nothing is sent.
"""

from django.conf import settings
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move


def affected_pages(page) -> list:
    """The page, its parent (unless it is the root) and its language's home page."""
    pages = [page]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        pages.append(parent)
    home = page.get_ancestors().filter(depth=2).first()
    if home is not None and home.pk not in {item.pk for item in pages}:
        pages.append(home)
    return pages


def purging() -> bool:
    """A backend is configured (the handlers do nothing else otherwise: no query)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(pages=(), urls=()) -> None:
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(urls)
    batch.purge()


def on_publish_or_unpublish(sender, instance, **kwargs):
    if purging():
        purge(pages=affected_pages(instance))


def on_move(sender, instance, parent_page_before, url_path_before, **kwargs):
    if not purging():
        return
    # The old address, built from the old url_path the same way as the new one.
    old = Page(url_path=url_path_before, locale_id=instance.locale_id, depth=instance.depth)
    parts = old.get_url_parts()
    old_urls = [parts[1] + parts[2]] if parts else []
    purge(pages=[*affected_pages(instance), parent_page_before], urls=old_urls)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and purging():
        purge(pages=affected_pages(instance))


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="consortium-purge-publish")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="consortium-purge-unpublish")
    post_page_move.connect(on_move, dispatch_uid="consortium-purge-move")
    pre_delete.connect(on_delete, dispatch_uid="consortium-purge-delete")
