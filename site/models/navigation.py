"""Menus that staff edit per language (Paramètres → Menus): the main menu and the footer's.

A menu is a translatable snippet: the French one is written first, « Traduire » makes the
English one, whose labels are translated. Items are a StreamField of page links (the label
defaults to the page's title) and external links, so editors reorder them by dragging.
Which language version of a linked page is shown is decided when the menu is rendered
(:mod:`consortium.pages.menus`), so a menu never sends an English reader to a French page that
has an English translation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

MENU_SLOTS = [
    ("main", _("Main menu")),
    ("footer", _("Footer menu")),
]


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=60,
        help_text=_("Leave empty to use the page's title."),
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page")


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Web address"))
    label = blocks.CharBlock(label=_("Label"), max_length=60)

    class Meta:
        icon = "link-external"
        label = _("External link")


class MenuItemsBlock(blocks.StreamBlock):
    page = PageLinkBlock()
    link = ExternalLinkBlock()


class NavigationMenu(TranslatableMixin, models.Model):
    """One menu (main or footer) in one language."""

    slot = models.CharField(_("menu"), max_length=10, choices=MENU_SLOTS)
    items = StreamField(MenuItemsBlock(), verbose_name=_("links"), blank=True, max_num=10)

    panels = [FieldPanel("slot"), FieldPanel("items")]
    translatable_fields = [SynchronizedField("slot"), TranslatableField("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        ordering = ["slot"]

    def __str__(self):
        return str(self.get_slot_display())

    def clean(self):
        """One menu per place and language: a second one would never be shown."""
        super().clean()
        if self.locale_id is None:
            return
        others = NavigationMenu.objects.filter(locale_id=self.locale_id, slot=self.slot)
        if others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slot": _("This language already has this menu: edit that one.")}
            )
