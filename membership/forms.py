"""The membership application form (django-crispy-forms, Bootstrap 5 markup).

Every rule gives a message in the visitor's language next to its field, and the form keeps
every value typed when it is shown again with errors (browsers never keep chosen files:
the form says so).
"""

from operator import attrgetter

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from consortium.i18n import languages
from consortium.i18n.formatting import alphabetical
from consortium.intake.plain_text import PlainTextFormMixin
from consortium.intake.public_forms import (
    HONEYPOT_FIELD,
    PublicFormMixin,
    draft_attrs,
    honeypot_field,
)
from consortium.intake.quebec import normalise_neq, normalise_postal_code
from consortium.intake.uploads import PdfFilesField
from expertise.models import ExpertisePage
from newsletter.consent import casl_text

from .choices import NEWSLETTER_LABEL
from .models import APPLICANT_FIELDS, MembershipApplication

# The browser's autofill for the organisation's and the contact person's details.
AUTOCOMPLETE = {
    "organisation_name": "organization",
    "street_address": "address-line1",  # (« street-address » is for a textarea)
    "city": "address-level2",
    "postal_code": "postal-code",
    "website": "url",
    "contact_name": "name",
    "contact_role": "organization-title",
    "contact_email": "email",
    "contact_phone": "tel",
}


# The keyboard a phone shows for each typed field.
INPUT_MODES = {
    "organisation_name": "text",
    "neq": "numeric",
    "street_address": "text",
    "city": "text",
    "postal_code": "text",
    "website": "url",
    "member_count": "numeric",
    "employee_count": "numeric",
    "contact_name": "text",
    "contact_role": "text",
    "contact_email": "email",
    "contact_phone": "tel",
}


class ApplicationForm(PublicFormMixin, PlainTextFormMixin, forms.ModelForm):
    """The applicant's fields come from the model (labels, lengths, choices, bounds);
    declared here are only those whose public form differs: what is typed before it is
    normalised (NEQ, postal code), a default scheme for the website, the page's own
    categories, a Canadian phone number, and what is not stored on the application (the
    documents, the consent, the honeypot)."""

    neq = forms.CharField(
        label=_("Québec enterprise number (NEQ)"),
        max_length=20,
        help_text=_("10 digits, on your certificate from the Registraire des entreprises."),
    )
    postal_code = forms.CharField(label=_("Postal code"), max_length=10)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    category = forms.ChoiceField(label=_("Membership category"), widget=forms.RadioSelect)
    fields_of_interest = forms.ModelMultipleChoiceField(
        label=_("Fields of expertise of interest"),
        queryset=ExpertisePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_phone = PhoneNumberField(
        label=_("Phone"),
        region="CA",
        error_messages={"invalid": _("Enter a valid phone number, for example 418 622-1001.")},
    )
    attachments = PdfFilesField(
        label=_("Documents (PDF)"),
        required=False,
        help_text=_(
            "Up to 3 PDF files of 10 MB at most, for example your articles of incorporation."
        ),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Your consent is needed to process your application.")}
    )
    nickname = honeypot_field()

    chosen_from_a_list = ("legal_form", "sector", "region")
    autocomplete = AUTOCOMPLETE
    input_modes = INPUT_MODES
    consent_text = _(
        'I have read the <a href="{url}">privacy policy</a> and agree that the '
        "Consortium uses this information to review the application."
    )

    class Meta:
        model = MembershipApplication
        fields = [*APPLICANT_FIELDS, "fields_of_interest"]
        labels = {
            "contact_name": _("Name"),
            "contact_role": _("Role in the organisation"),
            "newsletter": NEWSLETTER_LABEL,
            "directory_consent": _(
                "Once we are members, list our name, region, legal form and website in the "
                "public members' directory (optional)."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, page, privacy_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_fields(privacy_url)
        # The newsletter's consent sentence (CASL) with its box, as on its own form.
        self.fields["newsletter"].help_text = casl_text(languages.current_language())
        self.fields["category"].choices = [(name, name) for name in page.category_names()]
        interests = self.fields["fields_of_interest"]
        interests.queryset = ExpertisePage.objects.live().filter(locale_id=page.locale_id)
        interests.choices = [
            (field.pk, field.title)
            for field in alphabetical(interests.queryset, key=attrgetter("title"))
        ]
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = True
        helper.form_method = "post"
        # (crispy adds enctype="multipart/form-data" itself: the form has a file field.)
        helper.attrs = {"novalidate": True, **draft_attrs("membership")}
        helper.layout = Layout(
            Fieldset(
                _("Organisation"),
                "organisation_name",
                "neq",
                "legal_form",
                "sector",
                "member_count",
                "employee_count",
                "website",
            ),
            Fieldset(_("Address"), "street_address", "city", "postal_code", "region"),
            Fieldset(_("Membership"), "category", "fields_of_interest"),
            Fieldset(
                _("Contact person"),
                "contact_name",
                "contact_role",
                "contact_email",
                "contact_phone",
            ),
            Fieldset(_("Message and documents"), "message", "attachments"),
            Fieldset(_("Consent"), "consent", "newsletter", "directory_consent"),
            Div(HONEYPOT_FIELD, css_class="visually-hidden", aria_hidden="true"),
            HTML(
                format_html(
                    '<p class="form-text">{}</p>',
                    # Under the newsletter and directory boxes: it must not deny them.
                    _(
                        "Your information is used to review your application; the newsletter "
                        "and the members' directory use it only if you tick their boxes."
                    ),
                )
            ),
            Submit("submit", _("Send my application")),
        )
        return helper

    def clean_neq(self):
        return normalise_neq(self.cleaned_data["neq"])

    def clean_postal_code(self):
        return normalise_postal_code(self.cleaned_data["postal_code"])


class InfoResponseForm(PlainTextFormMixin, forms.Form):
    """The applicant's answer to a request for more information: text, documents or both."""

    response = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = PdfFilesField(
        label=_("Documents (PDF)"),
        required=False,
        help_text=_("Up to 3 PDF files of 10 MB at most."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        helper = FormHelper()
        helper.form_method = "post"
        helper.attrs = {"novalidate": True}
        helper.layout = Layout("response", "attachments", Submit("submit", _("Send")))
        self.helper = helper

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("response", "").strip()
            and not cleaned.get("attachments")
        ):
            raise forms.ValidationError(_("Write an answer or attach a document."), code="empty")
        return cleaned
