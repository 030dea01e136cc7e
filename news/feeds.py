"""RSS 2.0 feed of an index's latest articles, with absolute links from the request's host."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} · {_('The Consortium')}"

    def link(self):
        return self.index.get_url(self.request)

    def feed_url(self):
        return self.request.path

    def description(self):
        return self.index.intro or self.index.title

    def items(self):
        return self.index.articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []
