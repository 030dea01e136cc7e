"""Fields of expertise (grouped by family) and the team members who practise them."""

from operator import attrgetter

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from consortium.caching import content_version
from consortium.i18n.formatting import alphabetical
from consortium.pages.base import BasePage
from consortium.pages.forms import LocalizedChoicesPageForm
from consortium.pages.validators import require_alt_text

FAMILIES = [
    ("management", _("Management and administration")),
    ("law", _("Law and governance")),
    ("communication", _("Communication")),
    ("marketing", _("Marketing and digital")),
    ("people", _("Human resources and occupational health and safety")),
    ("finance", _("Finance")),
]


class ExpertisePageForm(LocalizedChoicesPageForm):
    """The contact experts offered are the page's language's team members."""

    localized_choice_fields = ("experts",)


class TeamMember(TranslatableMixin, models.Model):
    """A member of the Consortium's team (or a team), shown on the fields they practise."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160)
    bio = models.TextField(_("short biography"), max_length=600, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with a photo: who is shown and how."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
    ]
    translatable_fields = [
        # Translatable, not synchronised: a team's name (« Équipe juridique ») is translated;
        # a person's name is simply kept by the translator.
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        require_alt_text(self.photo_id, self.photo_alt, "photo_alt")


register_snippet(
    TeamMember, viewset="consortium.upstream.snippet_translation_buttons.TranslatableSnippetViewSet"
)


class ExpertiseIndexPage(BasePage):
    """« Nos expertises »: every field, grouped by family."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["expertise.ExpertisePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("expertise index")
        verbose_name_plural = _("expertise indexes")

    def families(self) -> list[tuple[str, list["ExpertisePage"]]]:
        """(family label, its fields) in the families' order, in one query."""
        fields = alphabetical(ExpertisePage.objects.live().child_of(self), key=attrgetter("title"))
        grouped: dict[str, list] = {key: [] for key, _label in FAMILIES}
        for field in fields:
            grouped.setdefault(field.family, []).append(field)
        labels = dict(FAMILIES)
        return [(labels[key], grouped[key]) for key, _label in FAMILIES if grouped[key]]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["families"] = self.families()
        return context


class ExpertisePage(BasePage):
    """A field of expertise: what the experts do, typical mandates, who to contact."""

    # A team's published address, not a person's (Loi 25).
    personal_information = False

    family = models.CharField(_("family"), max_length=20, choices=FAMILIES)
    summary = models.TextField(_("summary"), max_length=400)
    services = StreamField(
        [("service", blocks.CharBlock(label=_("Service"), max_length=250))],
        verbose_name=_("what our experts do"),
    )
    mandates = StreamField(
        [("mandate", blocks.CharBlock(label=_("Mandate"), max_length=250))],
        verbose_name=_("typical mandates"),
        blank=True,
    )
    experts = ParentalManyToManyField(
        TeamMember, verbose_name=_("contact experts"), blank=True, related_name="fields"
    )
    request_email = models.EmailField(
        _("address receiving service requests"),
        blank=True,
        help_text=_(
            "The team notified of each service request for this field (the same in every "
            "language); empty: the general address of the contact settings."
        ),
    )

    parent_page_types = ["expertise.ExpertiseIndexPage"]
    subpage_types = []
    base_form_class = ExpertisePageForm

    content_panels = Page.content_panels + [
        FieldPanel("family"),
        FieldPanel("summary"),
        FieldPanel("services"),
        FieldPanel("mandates"),
        FieldPanel("experts"),
        FieldPanel("request_email"),
    ]
    search_text_fields = ("summary", "services", "mandates")
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("services"),
        index.SearchField("mandates"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("services"),
        TranslatableField("mandates"),
        SynchronizedField("family"),
        # Experts are shown in the reader's language (see localized_experts).
        SynchronizedField("experts"),
        SynchronizedField("request_email"),
    ]

    class Meta:
        verbose_name = _("field of expertise")
        verbose_name_plural = _("fields of expertise")

    def related_news(self, count=3):
        """The latest live articles tied to this field, in this page's language (one query
        by primary key; the search for them is kept under the content version).

        Articles are matched by translation key on both sides: an English article counts
        when its French original chose the French field, whether or not the choice was
        synchronised yet.
        """
        from news.models import NewsPage

        chosen = NewsPage.objects.filter(
            expertise_fields__translation_key=self.translation_key
        ).values("translation_key")
        articles = NewsPage.objects.live().filter(locale_id=self.locale_id)

        def related():
            return articles.filter(translation_key__in=chosen).order_by("-date", "-pk")[:count]

        return content_version.cached_pages("related-news", articles, related, self.pk, count)

    def localized_experts(self) -> list[TeamMember]:
        """The contact experts in this page's language when translated (one query)."""
        keys = [member.translation_key for member in self.experts.all()]
        members = TeamMember.objects.filter(translation_key__in=keys).select_related("photo")
        chosen: dict = {}
        for member in members:
            if member.locale_id == self.locale_id or member.translation_key not in chosen:
                chosen[member.translation_key] = member
        return [chosen[key] for key in keys if key in chosen]
