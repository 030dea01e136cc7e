"""StreamField blocks of the home and institutional pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    """A figure with what it counts and the year it was true.

    The year is required: a figure about a cooperative that grows is only honest with
    its date (« en 2020 »).
    """

    figure = blocks.CharBlock(
        label=_("Figure"), max_length=24, help_text=_("For example « 50 » or « 4,5 M$ ».")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)
    year = blocks.IntegerBlock(label=_("Year it was true"), min_value=2011, max_value=2100)

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "home/blocks/key_figure.html"
        preview_value = {"figure": "50", "label": "professionnels spécialisés", "year": 2020}
        description = _("A number with its label and the year it was true.")


class SectionBlocks(blocks.StreamBlock):
    """Body of a standard page: headings and paragraphs (institutional pages)."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        form_classname="title",
        template="home/blocks/heading.html",
        preview_value="Vos droits",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="home/blocks/paragraph.html",
        preview_value="<p>Le Consortium protège les renseignements personnels.</p>",
    )
