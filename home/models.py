"""Page types of the home app: the home page and the standard (institutional) page."""

from operator import attrgetter

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from consortium.caching import content_version
from consortium.i18n.formatting import alphabetical
from consortium.pages.base import BasePage
from consortium.pages.blocks import KeyFigureBlock, SectionBlocks
from consortium.pages.validators import validate_link_target


class HomePage(BasePage):
    """The site root in each language: mission, key figures and a call to action.

    One per language: the French page is the source, the English one its translation,
    both direct children of Wagtail's root (hence ``max_count_per_parent``: a new
    language comes from « Traduire », never from « Ajouter une page »).
    """

    hero_title = models.CharField(_("hero title"), max_length=140)
    hero_intro = models.TextField(_("hero introduction"), max_length=400)
    mission_heading = models.CharField(_("mission heading"), max_length=120)
    mission = RichTextField(_("mission statement"), features=["bold", "italic", "link"])
    key_figures_heading = models.CharField(_("key figures heading"), max_length=120, blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("key figures"), blank=True, max_num=6
    )
    cta_heading = models.CharField(_("call to action heading"), max_length=120)
    cta_text = models.TextField(_("call to action text"), max_length=400, blank=True)
    cta_label = models.CharField(_("button label"), max_length=60)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button links to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cta_url = models.CharField(
        _("or to an address"),
        max_length=300,
        blank=True,
        validators=[validate_link_target],
        help_text=_("Used when no page is chosen."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ContactPage",
        "home.PrivacyPolicyPage",
        "home.GovernancePolicyPage",
        "membership.MembershipPage",
        "services.ServiceRequestPage",
        "news.NewsIndexPage",
        "expertise.ExpertiseIndexPage",
        "events.EventIndexPage",
        "newsletter.NewsletterPage",
    ]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_intro")], heading=_("Hero")),
        MultiFieldPanel(
            [FieldPanel("mission_heading"), FieldPanel("mission")], heading=_("Mission")
        ),
        MultiFieldPanel(
            [FieldPanel("key_figures_heading"), FieldPanel("key_figures")],
            heading=_("Key figures"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                FieldPanel("cta_label"),
                FieldPanel("cta_page"),
                FieldPanel("cta_url"),
            ],
            heading=_("Call to action"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_intro"),
        index.SearchField("mission"),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("hero_title"),
        TranslatableField("hero_intro"),
        TranslatableField("mission_heading"),
        TranslatableField("mission"),
        TranslatableField("key_figures_heading"),
        TranslatableField("key_figures"),
        TranslatableField("cta_heading"),
        TranslatableField("cta_text"),
        TranslatableField("cta_label"),
        # The English button leads to the English version of the chosen page.
        TranslatableField("cta_page"),
        SynchronizedField("cta_url"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def latest_news(self, count=3):
        """The latest live articles in this home's language (one query, with images)."""
        from news.models import NewsPage

        return list(
            NewsPage.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("category", "featured_image")
            .prefetch_related("featured_image__renditions")
            .order_by("-date", "-pk")[:count]
        )

    def latest_report(self):
        """The latest annual report in this home's language, for its figures (one query)."""
        from reports.models import latest_report

        return latest_report(self.locale_id)

    def featured_expertise(self, count=6):
        """One field of expertise per family, in this home's language (one query)."""
        from expertise.models import ExpertisePage

        first_of_family = {}
        fields = ExpertisePage.objects.live().filter(locale_id=self.locale_id)
        for field in alphabetical(fields, key=attrgetter("title")):
            first_of_family.setdefault(field.family, field)
        return list(first_of_family.values())[:count]

    def expertise_index_url(self) -> str:
        """The page listing every field of expertise (the home shows a few)."""
        from expertise.models import ExpertiseIndexPage

        index = ExpertiseIndexPage.objects.live().child_of(self).first()
        return index.url if index else ""

    def get_context(self, request, *args, **kwargs):
        """The two links that cost queries (the call to action's page in this language,
        the expertise index), kept with the site chrome until content changes."""
        context = super().get_context(request, *args, **kwargs)
        context["links"] = content_version.cached(
            "home-links",
            lambda: {"cta": self.cta_link, "expertise": self.expertise_index_url()},
            self.pk,
            get_language(),
            request=request,
        )
        return context

    @property
    def cta_link(self) -> str:
        if self.cta_page_id:
            target = self.cta_page.localized
            if target.live:
                return target.url
        return self.cta_url


class IntroBodyPage(BasePage):
    """What every institutional page has: an introduction and a body of sections, both
    translated. Abstract: each page type below adds its own rules and fields."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(SectionBlocks(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        abstract = True


class StandardPage(IntroBodyPage):
    """A plain institutional page (about us, accessibility statement, a members' page under
    the member space, …)."""

    parent_page_types = ["home.HomePage", "home.StandardPage", "members.MemberSpacePage"]
    subpage_types = ["home.StandardPage", "reports.AnnualReportIndexPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class VersionedPolicyPage(IntroBodyPage):
    """A policy whose version and the date it takes effect are fields, not prose (the
    forms record the privacy policy's version a person accepted). Abstract."""

    version = models.CharField(
        _("version"),
        max_length=20,
        help_text=_("Change it with every change of substance, for example « 2026-1 »."),
    )
    effective_date = models.DateField(_("in force since"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("version"), FieldPanel("effective_date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    translatable_fields = IntroBodyPage.translatable_fields + [
        # One policy, one version: the English text is a translation of the same version.
        SynchronizedField("version"),
        SynchronizedField("effective_date"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_policies"] = related_policies(self)
        return context


def related_policies(page) -> list:
    """The other policies of the page's language (the privacy policy links to the
    governance policy, and back)."""
    related = []
    for model in (PrivacyPolicyPage, GovernancePolicyPage):
        if isinstance(page, model):
            continue
        other = model.objects.live().filter(locale_id=page.locale_id).first()
        if other is not None:
            related.append(other)
    return related


class PrivacyPolicyPage(VersionedPolicyPage):
    """The privacy policy (Loi 25): what is collected and why, retention, rights.

    The membership form records the version an applicant accepted. The person in charge
    of the protection of personal information is shown from the site texts (Paramètres →
    Textes du site), so a change of officer is made once, in every language.
    """

    class Meta:
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policies")


class GovernancePolicyPage(VersionedPolicyPage):
    """« Politique de gouvernance des renseignements personnels » (Loi 25, art. 3.2): the
    roles and responsibilities, the registers kept, how complaints are handled; versioned
    and dated like the privacy policy, linked from it and from the footer."""

    class Meta:
        verbose_name = _("personal information governance policy")
        verbose_name_plural = _("personal information governance policies")


class ContactPage(IntroBodyPage):
    """« Nous joindre »: offices, phones and hours from the contact settings (never typed
    twice), with a plain link to a map for each office (no embedded third-party map)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")
