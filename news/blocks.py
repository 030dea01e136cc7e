"""StreamField blocks of a news article (SPEC §4)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from consortium.pages.blocks import KeyFiguresBlock, heading_block, paragraph_block


class ImageWithAltBlock(blocks.StructBlock):
    """An image with its alternative text, which is required: a text describing the image
    for this article (never the file's title)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"
        preview_value = {
            "quote": "Il y a tout à gagner à coopérer.",
            "attribution": "J. Benoit Caron, directeur général",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "news/blocks/document_link.html"


class PressContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200, required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)

    class Meta:
        icon = "user"
        label = _("Press contact")
        template = "news/blocks/press_contact.html"


class SourceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Source"), max_length=250)
    url = blocks.URLBlock(label=_("Address"), required=False)

    class Meta:
        icon = "link"
        label = _("Source line")
        template = "news/blocks/source.html"


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = paragraph_block(["bold", "italic", "link", "document-link", "ol", "ul"])
    heading = heading_block(max_length=160)
    image = ImageWithAltBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="news/blocks/embed.html")
    document = DocumentLinkBlock()
    press_contact = PressContactBlock()
    source = SourceBlock()
