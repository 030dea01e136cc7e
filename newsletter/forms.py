"""The subscription form: the newsletter page's and the footer's (the same fields, posted
to the same address; the footer's is written in its template, without a CSRF token, since
the footer is cached with the page — see newsletter.views)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from consortium.intake.plain_text import PlainTextFormMixin
from consortium.intake.public_forms import (
    HONEYPOT_FIELD,
    PublicFormMixin,
    draft_attrs,
    honeypot_field,
)

from .consent import casl_text
from .models import ConsentRecord

SOURCES = [ConsentRecord.Source.PAGE, ConsentRecord.Source.FOOTER]


def language_choices() -> list[tuple[str, str]]:
    """Each language by its own name (« Français », « English »)."""
    return [
        (code, capfirst(get_language_info(code)["name_local"]))
        for code, _name in settings.LANGUAGES
    ]


class SubscribeForm(PublicFormMixin, PlainTextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter a valid email address, for example nom@exemple.org."),
        },
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=())
    source = forms.ChoiceField(
        choices=[(value, value) for value in SOURCES], widget=forms.HiddenInput, required=False
    )
    nickname = honeypot_field()

    def __init__(self, *args, language: str, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", language)
        kwargs["initial"].setdefault("source", ConsentRecord.Source.PAGE)
        super().__init__(*args, **kwargs)
        self.shown_language = language
        self.fields["language"].choices = language_choices()
        self.fields["email"].widget.attrs.update(autocomplete="email", inputmode="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_action = reverse("newsletter_subscribe")
        self.helper.attrs = {"novalidate": True, **draft_attrs("newsletter")}
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "email",
            "name",
            "language",
            "source",
            Div(HONEYPOT_FIELD, css_class="visually-hidden", aria_hidden="true"),
            HTML(format_html('<p class="form-text casl-text">{}</p>', self.consent_shown())),
            Submit("submit", _("Subscribe")),
        )

    def consent_shown(self) -> str:
        """The sentence shown with the form (in the page's language), stored as the proof."""
        return casl_text(self.shown_language)

    def clean_source(self):
        return self.cleaned_data.get("source") or ConsentRecord.Source.PAGE
