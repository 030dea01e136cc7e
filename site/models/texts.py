"""Site texts that differ by language (Paramètres → Textes du site): one per language.

Wagtail's settings hold one value for the whole site, and wagtail-localize translates
snippets, not settings; so the few settings that are words (the footer's presentation, the
privacy officer's title) live in this translatable model, one instance per locale, made and
kept in step by « Traduire » like any snippet. The officer's name, email and phone are the
same in every language: they are synchronised, never translated.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SiteTexts(TranslatableMixin, models.Model):
    """The footer's presentation and the privacy officer (Loi 25), in one language."""

    # Published texts; the privacy officer's address is published by law (Loi 25).
    personal_information = False

    footer_summary = models.TextField(
        _("presentation in the footer"),
        max_length=300,
        help_text=_("One or two sentences saying who the Consortium is."),
    )
    privacy_officer_name = models.CharField(_("name"), max_length=120)
    privacy_officer_title = models.CharField(
        _("title"),
        max_length=160,
        help_text=_("For example « Directrice générale ». Loi 25 requires it on the website."),
    )
    privacy_officer_email = models.EmailField(_("email address"))
    privacy_officer_phone = PhoneNumberField(_("phone number"), blank=True)

    panels = [
        FieldPanel("footer_summary"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_officer_name"),
                FieldPanel("privacy_officer_title"),
                FieldPanel("privacy_officer_email"),
                FieldPanel("privacy_officer_phone"),
            ],
            heading=_("Person in charge of the protection of personal information"),
        ),
    ]
    translatable_fields = [
        TranslatableField("footer_summary"),
        TranslatableField("privacy_officer_title"),
        # Not overridable: one officer, one address, in every language (and a phone number
        # object would not fit wagtail-localize's JSON segments anyway).
        SynchronizedField("privacy_officer_name", overridable=False),
        SynchronizedField("privacy_officer_email", overridable=False),
        SynchronizedField("privacy_officer_phone", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return str(_("Site texts (%(language)s)") % {"language": self.locale.get_display_name()})

    def clean(self):
        """One set of texts per language: a second one would never be shown."""
        super().clean()
        if self.locale_id is None:
            return
        others = SiteTexts.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(_("This language already has its site texts: edit those."))
