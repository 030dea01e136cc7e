"""The service request form (django-crispy-forms, Bootstrap 5 markup).

Every rule gives a message in the visitor's language next to its field, and the form keeps
every value typed when it is shown again with errors (browsers never keep chosen files:
the form says so). The NEQ, region and documents are checked as on the membership form
(consortium.intake.quebec, consortium.intake.uploads).
"""

from operator import attrgetter

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from consortium.i18n.formatting import alphabetical
from consortium.intake.plain_text import PlainTextFormMixin
from consortium.intake.public_forms import (
    HONEYPOT_FIELD,
    PublicFormMixin,
    draft_attrs,
    honeypot_field,
)
from consortium.intake.quebec import normalise_neq
from consortium.intake.uploads import PdfFilesField
from expertise.models import ExpertisePage

from .models import REQUESTER_FIELDS, ServiceRequest

AUTOCOMPLETE = {
    "organisation_name": "organization",
    "contact_name": "name",
    "contact_email": "email",
    "contact_phone": "tel",
    "neq": "off",
}
INPUT_MODES = {
    "organisation_name": "text",
    "neq": "numeric",
    "contact_name": "text",
    "contact_email": "email",
    "contact_phone": "tel",
}


class ServiceRequestForm(PublicFormMixin, PlainTextFormMixin, forms.ModelForm):
    neq = forms.CharField(
        label=_("Québec enterprise number (NEQ)"),
        max_length=20,
        required=False,
        help_text=_(
            "Optional: 10 digits, on your certificate from the Registraire des entreprises."
        ),
    )
    expertise_fields = forms.ModelMultipleChoiceField(
        label=_("Fields of expertise"),
        queryset=ExpertisePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one field of expertise.")},
    )
    contact_phone = PhoneNumberField(
        label=_("Phone"),
        region="CA",
        error_messages={"invalid": _("Enter a valid phone number, for example 418 622-1001.")},
    )
    attachments = PdfFilesField(
        label=_("Documents (PDF)"),
        required=False,
        help_text=_("Up to 3 PDF files of 10 MB at most, for example a call for tenders."),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Your consent is needed to process your request.")}
    )
    nickname = honeypot_field()

    chosen_from_a_list = ("region", "timeframe")
    autocomplete = AUTOCOMPLETE
    input_modes = INPUT_MODES
    consent_text = _(
        'I have read the <a href="{url}">privacy policy</a> and agree that the '
        "Consortium uses this information to answer my request."
    )

    class Meta:
        model = ServiceRequest
        fields = ["expertise_fields", *REQUESTER_FIELDS]
        labels = {
            "organisation_name": _("Organisation"),
            "contact_name": _("Name"),
            "need": _("Your need"),
        }
        help_texts = {
            "need": _("What you would like our experts to do, in 3,000 characters at most."),
        }
        widgets = {"need": forms.Textarea(attrs={"rows": 6, "maxlength": 3000})}

    def __init__(self, *args, page, privacy_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_fields(privacy_url)
        chosen = self.fields["expertise_fields"]
        chosen.queryset = ExpertisePage.objects.live().filter(locale_id=page.locale_id)
        chosen.choices = [
            (field.pk, field.title)
            for field in alphabetical(chosen.queryset, key=attrgetter("title"))
        ]
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_method = "post"
        helper.attrs = {"novalidate": True, **draft_attrs("service-request")}
        helper.layout = Layout(
            Fieldset(_("The need"), "expertise_fields", "need", "timeframe", "attachments"),
            Fieldset(_("Organisation"), "organisation_name", "neq", "region"),
            Fieldset(_("Contact person"), "contact_name", "contact_email", "contact_phone"),
            Fieldset(_("Consent"), "consent"),
            Div(HONEYPOT_FIELD, css_class="visually-hidden", aria_hidden="true"),
            HTML(
                format_html(
                    '<p class="form-text">{}</p>',
                    _("Your information is used only to answer your request."),
                )
            ),
            Submit("submit", _("Send my request")),
        )
        return helper

    def clean_neq(self):
        typed = self.cleaned_data["neq"]
        return normalise_neq(typed) if typed.strip() else ""
