"""StreamField blocks every app's pages share (the core layer): headings, paragraphs, key
figures, timelines and the contact details, each with its template under
``consortium/blocks/`` and a preview value. Apps compose them (``SectionBlocks`` is the
body of institutional pages; news adds images, quotes, documents to the same parts)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


def heading_block(max_length: int = 120) -> blocks.CharBlock:
    """A section heading (an <h2>; the page title is the only <h1>)."""
    return blocks.CharBlock(
        label=_("Heading"),
        max_length=max_length,
        form_classname="title",
        template="consortium/blocks/heading.html",
        preview_value="Vos droits",
    )


def paragraph_block(features=PARAGRAPH_FEATURES) -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        label=_("Paragraph"),
        features=list(features),
        template="consortium/blocks/paragraph.html",
        preview_value="<p>Le Consortium protège les renseignements personnels.</p>",
    )


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
        template = "consortium/blocks/key_figure.html"
        preview_value = {"figure": "50", "label": "professionnels spécialisés", "year": 2020}
        description = _("A number with its label and the year it was true.")


class KeyFiguresBlock(blocks.StructBlock):
    """A row of key figures with an optional heading (articles, about page)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "consortium/blocks/key_figures.html"
        preview_value = {
            "heading": "Le Consortium en chiffres",
            "figures": [
                {"figure": "50", "label": "professionnels spécialisés", "year": 2020},
                {"figure": "20", "label": "champs d’expertise", "year": 2020},
            ],
        }


class TimelineEventBlock(blocks.StructBlock):
    year = blocks.CharBlock(label=_("Year"), max_length=20, help_text=_("« 2011 », « Today »…"))
    text = blocks.TextBlock(label=_("What happened"))


class TimelineBlock(blocks.StructBlock):
    """A history told year by year (an ordered list, read in order by screen readers)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    events = blocks.ListBlock(TimelineEventBlock(), label=_("Events"), min_num=1)

    class Meta:
        icon = "history"
        label = _("Timeline")
        template = "consortium/blocks/timeline.html"
        preview_value = {
            "heading": "Notre histoire",
            "events": [
                {"year": "2011", "text": "Fondation de la coopérative de solidarité."},
                {"year": "2014", "text": "Un centre de services partagés pour tout le réseau."},
            ],
        }


class ContactDetailsBlock(blocks.StaticBlock):
    """The phones, email and hours of the contact settings, where an editor places them
    (« Signaler un obstacle » on the accessibility statement): never typed twice."""

    class Meta:
        icon = "mail"
        label = _("Contact details (from the settings)")
        admin_text = _("Shows the phones, email and hours entered in Settings → Contact details.")
        template = "consortium/blocks/contact_details.html"


class SectionBlocks(blocks.StreamBlock):
    """Body of an institutional page: headings, paragraphs, key figures, a timeline and the
    contact details."""

    heading = heading_block()
    paragraph = paragraph_block()
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    contact_details = ContactDetailsBlock()
