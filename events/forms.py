"""The registration form: name, organisation, email, consent."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.intake.plain_text import PlainTextFormMixin
from consortium.intake.public_forms import (
    HONEYPOT_FIELD,
    PublicFormMixin,
    draft_attrs,
    honeypot_field,
)


class RegistrationForm(PublicFormMixin, PlainTextFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"))
    consent = forms.BooleanField(
        error_messages={"required": _("Your consent is needed to register you.")}
    )
    nickname = honeypot_field()

    autocomplete = {"name": "name", "organisation": "organization", "email": "email"}
    input_modes = {"email": "email"}
    consent_text = _(
        'I have read the <a href="{url}">privacy policy</a> and agree that the Consortium '
        "uses this information to manage my registration."
    )

    def __init__(self, *args, privacy_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_fields(privacy_url)
        helper = FormHelper()
        helper.form_method = "post"
        helper.attrs = {"novalidate": True, **draft_attrs("event-registration")}
        helper.layout = Layout(
            "name",
            "organisation",
            "email",
            "consent",
            Div(HONEYPOT_FIELD, css_class="visually-hidden", aria_hidden="true"),
            Submit("submit", _("Register")),
        )
        self.helper = helper
