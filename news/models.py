"""News « Actualités et conseils »: categories, the index (listing and feed) and articles."""

from django import forms
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from consortium.caching import content_version
from consortium.pages.base import BasePage
from consortium.pages.validators import require_alt_text

from .blocks import NewsBodyBlock
from .feeds import NewsFeed
from .forms import NewsPageForm
from .listing import filtered_listing
from .panels import FeedbackTallyPanel

RELATED_COUNT = 3


class NewsCategory(TranslatableMixin, models.Model):
    """A category of news (« Partenariats », « Vie coopérative », …), translated per locale."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, allow_unicode=False, help_text=_("Used in filter addresses.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_category_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


register_snippet(
    NewsCategory,
    viewset="consortium.upstream.snippet_translation_buttons.TranslatableSnippetViewSet",
)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    """« Actualités et conseils »: the listing (filters, pagination) and the RSS feed."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        """Live articles of this index, newest first, with what cards need (constant queries)."""
        return (
            NewsPage.objects.live()
            .child_of(self)
            .select_related("category", "featured_image")
            .prefetch_related("featured_image__renditions")
            .order_by("-date", "-pk")
        )

    def categories(self):
        """This language's categories that have a live article here (the filter offers
        no choice that would find nothing)."""
        used = NewsPage.objects.live().child_of(self).values("category_id")
        return NewsCategory.objects.filter(locale_id=self.locale_id, pk__in=used)

    def years(self) -> list[int]:
        return [
            day.year
            for day in NewsPage.objects.live().child_of(self).dates("date", "year", order="DESC")
        ]

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides=filtered_listing(self, request.GET))

    @path("rss/")
    def feed(self, request):
        return NewsFeed(self)(request)


class NewsPage(RoutablePageMixin, BasePage):
    """An article: date, category, tags, summary, image, body, byline, related articles."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Shown on the listing, in feeds and in search results."),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        _("featured image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what it shows, for people who cannot see it."),
    )
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"))
    expertise_fields = ParentalManyToManyField(
        "expertise.ExpertisePage",
        verbose_name=_("fields of expertise"),
        blank=True,
        related_name="news",
        help_text=_("The article is listed on these fields' pages."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                # A list of this language's categories (not the snippet chooser, which
                # would offer both languages').
                FieldPanel("category", widget=forms.Select),
                FieldPanel("tags"),
                FieldPanel("byline"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        FieldPanel("expertise_fields", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Related article")),
    ]
    promote_panels = Page.promote_panels + [
        FeedbackTallyPanel(heading=_("Was this article useful?"))
    ]

    search_text_fields = ("summary", "body", "byline")
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("featured_image_alt"),
        TranslatableField("byline"),
        # The English article shows the English category.
        TranslatableField("category"),
        SynchronizedField("date"),
        SynchronizedField("featured_image"),
        SynchronizedField("tags"),
        # Chosen articles are shown in the reader's language (see related_articles).
        SynchronizedField("related_links"),
        # Matched by translation key (see ExpertisePage.related_news), so either language's
        # choice counts.
        SynchronizedField("expertise_fields"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        require_alt_text(self.featured_image_id, self.featured_image_alt, "featured_image_alt")

    def related_articles(self) -> list["NewsPage"]:
        """The editor's choice (``related_links``), in the reader's language and the editor's
        order, else — when none of them is live in this language — the latest articles of
        the same category.

        Saved links are read in the same query as the articles (subqueries), whose result is
        kept under the content version (consortium.caching.content_version.cached_pages): then one
        query by primary key, plus the images' renditions. A preview's links live in memory
        (modelcluster) and are read from there.
        """
        articles = (
            NewsPage.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("category", "featured_image")
            .prefetch_related("featured_image__renditions")
        )
        links = self.related_links.all()
        if isinstance(links, FakeQuerySet):
            keys = [link.page.translation_key for link in links]
            by_key = {
                page.translation_key: page for page in articles.filter(translation_key__in=keys)
            }
            chosen = [by_key[key] for key in keys if key in by_key]
            if chosen or not self.category_id:
                return chosen[:RELATED_COUNT]
            return list(self._same_category(articles)[:RELATED_COUNT])
        saved = NewsPageRelatedLink.objects.filter(source_id=self.pk)
        chosen = Q(translation_key__in=saved.values("page__translation_key"))
        wanted = chosen
        if self.category_id:
            none_chosen = ~Exists(articles.filter(chosen))
            same_category = NewsPage.objects.sibling_of_q(self, inclusive=False) & Q(
                category_id=self.category_id
            )
            wanted = chosen | (none_chosen & same_category)
        order = saved.filter(page__translation_key=OuterRef("translation_key"))

        def related():
            return (
                articles.filter(wanted)
                .annotate(
                    link_order=Subquery(order.order_by("sort_order").values("sort_order")[:1])
                )
                .order_by(F("link_order").asc(nulls_last=True), "-date", "-pk")[:RELATED_COUNT]
            )

        return content_version.cached_pages("related-articles", articles, related, self.pk)

    def _same_category(self, articles):
        return (
            articles.sibling_of(self, inclusive=False)
            .filter(category_id=self.category_id)
            .order_by("-date", "-pk")
        )

    def feedback_tally(self) -> dict[str, int]:
        return self.feedback.aggregate(
            yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
        )

    def prefetch_featured_image(self) -> None:
        """The featured image with all its renditions in two queries (the page shows it,
        its social card and its structured data each in a size of its own)."""
        if self.featured_image_id and not NewsPage.featured_image.is_cached(self):
            self.featured_image = (
                get_image_model()
                .objects.prefetch_related("renditions")
                .filter(pk=self.featured_image_id)
                .first()
            )

    @path("")
    def article(self, request):
        self.prefetch_featured_image()
        return self.render(request)


class NewsPageRelatedLink(Orderable):
    source = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        NewsPage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


class ArticleFeedback(models.Model):
    """One answer to « Cet article vous a-t-il été utile ? ». No personal data: no IP address,
    no user, no cookie value; only the article, the answer and the day."""

    page = models.ForeignKey(NewsPage, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("useful"))
    created_on = models.DateField(_("date"), default=timezone.localdate)

    class Meta:
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")
        indexes = [models.Index(fields=["page", "helpful"])]

    def __str__(self):
        return f"{self.page_id}: {'yes' if self.helpful else 'no'} ({self.created_on})"


class ImportRecord(models.Model):
    """A plain-text article already imported (by content fingerprint), so it is not twice."""

    checksum = models.CharField(_("content fingerprint"), max_length=64, unique=True)
    source_name = models.CharField(_("file name"), max_length=255)
    page = models.ForeignKey(
        NewsPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported article")
        verbose_name_plural = _("imported articles")

    def __str__(self):
        return self.source_name
