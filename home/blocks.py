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


class KeyFiguresBlock(blocks.StructBlock):
    """A row of key figures with an optional heading (articles, about page)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "news/blocks/key_figures.html"


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
        template = "home/blocks/timeline.html"


class ContactDetailsBlock(blocks.StaticBlock):
    """The phones, email and hours of the contact settings, where an editor places them
    (« Signaler un obstacle » on the accessibility statement): never typed twice."""

    class Meta:
        icon = "mail"
        label = _("Contact details (from the settings)")
        admin_text = _("Shows the phones, email and hours entered in Settings → Contact details.")
        template = "home/blocks/contact_details.html"


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
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    contact_details = ContactDetailsBlock()
