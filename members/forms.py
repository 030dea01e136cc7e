"""The member space's forms: the sign-in request, the organisation's details and contacts,
and a correction of what only staff change (legal name, NEQ)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from consortium.intake.plain_text import PlainTextFormMixin
from consortium.intake.quebec import normalise_postal_code

from .models import Member, MemberContact


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("The address the Consortium has for you as a contact of your organisation."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )


class MemberDetailsForm(PlainTextFormMixin, forms.ModelForm):
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Member
        fields = ["street_address", "city", "postal_code", "website", "directory_consent"]
        labels = {
            "street_address": _("Street address"),
            "city": _("City"),
            "directory_consent": _("List our organisation in the public members' directory"),
        }
        widgets = {
            "street_address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    def clean_postal_code(self):
        value = self.cleaned_data["postal_code"].strip()
        return normalise_postal_code(value) if value else ""


class ContactForm(PlainTextFormMixin, forms.ModelForm):
    phone = PhoneNumberField(
        label=_("Phone"),
        region="CA",
        required=False,
        error_messages={"invalid": _("Enter a valid phone number, for example 418 622-1001.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    class Meta:
        model = MemberContact
        fields = ["name", "role", "email", "phone", "is_principal"]
        labels = {
            "name": _("Name"),
            "role": _("Role in the organisation"),
            "email": _("Email"),
            "is_principal": _("Principal contact (the delegate to the general assembly)"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


class BaseContactFormSet(forms.BaseInlineFormSet):
    """At least one contact, exactly one principal, and never the signed-in contact
    removed by themselves (they would lose their access)."""

    def __init__(self, *args, signed_in_contact=None, **kwargs):
        self.signed_in_contact = signed_in_contact
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not self._should_delete_form(form) and form.cleaned_data
        ]
        for form in self.forms:
            if (
                self._should_delete_form(form)
                and self.signed_in_contact is not None
                and form.instance.pk == self.signed_in_contact.pk
            ):
                raise forms.ValidationError(
                    _("You cannot remove yourself: another contact or the Consortium can.")
                )
        if not kept:
            raise forms.ValidationError(_("Keep at least one contact."))
        principals = sum(1 for form in kept if form.cleaned_data.get("is_principal"))
        if principals != 1:
            raise forms.ValidationError(
                _("Choose exactly one principal contact (the delegate to the general assembly).")
            )


ContactFormSet = forms.inlineformset_factory(
    Member,
    MemberContact,
    form=ContactForm,
    formset=BaseContactFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
    validate_max=True,
)


class CorrectionForm(PlainTextFormMixin, forms.Form):
    FIELDS = [("name", _("Legal name")), ("neq", _("Québec enterprise number (NEQ)"))]

    field = forms.ChoiceField(label=_("What should be corrected"), choices=FIELDS)
    requested = forms.CharField(label=_("The correct value"), max_length=200)
    reason = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
