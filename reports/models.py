"""Annual reports: the index « Rapports annuels » under « À propos », newest first, and one
page per fiscal year (its slug is the year: /fr/a-propos/rapports-annuels/2024-2025/) with
its theme, the date of its general assembly (AGA), key figures, the eight sections in a
fixed order with fixed anchors and a table of contents, and an optional PDF."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from consortium.pages.base import BasePage
from consortium.pages.blocks import KeyFigureBlock, SectionBlocks

from .sections import ANCHORS, SECTIONS, TITLES

# The language of a document, as said in a sentence (« en français », « in French »).
IN_LANGUAGE = {"fr": _("in French"), "en": _("in English")}
FISCAL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def validate_fiscal_year(value: str) -> None:
    match = FISCAL_YEAR.match(value or "")
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValidationError(
            _("Write the fiscal year as two consecutive years, for example « 2024-2025 »."),
            code="fiscal_year",
        )


class AnnualReportIndexPage(BasePage):
    """« Rapports annuels »: every report, newest first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["home.StandardPage"]
    subpage_types = ["reports.AnnualReportPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("annual reports index")
        verbose_name_plural = _("annual reports indexes")

    def reports(self):
        return (
            AnnualReportPage.objects.live()
            .child_of(self)
            .select_related("pdf")
            .order_by("-fiscal_year")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = self.reports()
        return context


class AnnualReportPage(BasePage):
    """One fiscal year's report."""

    fiscal_year = models.CharField(
        _("fiscal year"),
        max_length=9,
        validators=[validate_fiscal_year],
        help_text=_("For example « 2024-2025 »; it is also the page's address."),
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    aga_date = models.DateField(_("date of the general assembly"), null=True, blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("key figures"), blank=True, max_num=6
    )
    sections = StreamField(
        [(name, SectionBlocks(label=title)) for name, _anchor, title in SECTIONS],
        verbose_name=_("sections"),
        blank=True,
        block_counts={name: {"max_num": 1} for name, _anchor, _title in SECTIONS},
        help_text=_("Each section once at most; they are shown in the reports' usual order."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("the report as a PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf_language = models.CharField(
        _("language of the PDF"), max_length=2, choices=settings.LANGUAGES, blank=True
    )

    parent_page_types = ["reports.AnnualReportIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("fiscal_year"), FieldPanel("theme"), FieldPanel("aga_date")],
            heading=_("The year"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("sections"),
        MultiFieldPanel([FieldPanel("pdf"), FieldPanel("pdf_language")], heading=_("PDF")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("theme"),
        index.SearchField("sections"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("fiscal_year"),
        TranslatableField("theme"),
        SynchronizedField("aga_date"),
        TranslatableField("key_figures"),
        TranslatableField("sections"),
        SynchronizedField("pdf"),
        SynchronizedField("pdf_language"),
    ]

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def clean(self):
        super().clean()
        if FISCAL_YEAR.match(self.fiscal_year or ""):
            self.slug = self.fiscal_year  # the year is the address, in every language
        if self.pdf_id and not self.pdf_language:
            raise ValidationError({"pdf_language": _("Say in which language the PDF is.")})

    def pdf_details(self) -> str:
        """« PDF, 2,0 Mo, en français » (the language's name in running text)."""
        language = IN_LANGUAGE.get(self.pdf_language, "")
        size = filesizeformat(self.pdf.get_file_size() or 0) if self.pdf_id else ""
        return _("PDF, %(size)s, %(language)s") % {"size": size, "language": language}

    def table_of_contents(self) -> list[dict]:
        """The sections present, in the reports' order: anchor, title, blocks."""
        present = {block.block_type: block for block in self.sections}
        return [
            {"anchor": ANCHORS[name], "title": TITLES[name], "body": present[name].value}
            for name, _anchor, _title in SECTIONS
            if name in present
        ]


def latest_report(locale_id):
    """The latest live report in a language (for the home page's figures), or None."""
    return (
        AnnualReportPage.objects.live()
        .filter(locale_id=locale_id)
        .order_by("-fiscal_year", "-pk")
        .first()
    )
