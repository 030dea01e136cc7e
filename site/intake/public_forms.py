"""What every public form that people send to staff shares (the membership application,
the service request, the newsletter, an event's registration): its fields' browser hints,
the honeypot, the consent sentence with the privacy policy in force, and the way a
submission is received.

``receive`` is the one path of a submission (``screen`` its checks, for a form whose
answers are its own, as an event's registration): a robot's (the hidden field filled) gets the
confirmation it expects and what it sent is held (consortium.intake.held); an invalid form comes
back with its messages and every value typed; past the rate limit, the form comes back
with a message (and what was sent is held); otherwise the app's ``submit`` stores it (in
one transaction, its emails in the outbox) and the visitor is sent to the confirmation,
with the reference signed in the address, so a refresh shows it again and submits nothing.
"""

import enum
import hashlib
import json
import logging
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core import signing
from django.forms.utils import ErrorDict
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consortium.caching.ratelimit_store import limit_reached
from consortium.i18n import languages
from consortium.intake import held
from consortium.models import HeldSubmission, OrganisationSettings

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "nickname"
REFERENCE_MAX_AGE = 86400  # a day: the confirmation is for the visitor who just sent


def honeypot_field() -> forms.CharField:
    """A field people never see (its container is hidden) and robots fill."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        # Never kept in a draft (site.js): a person never types in it.
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "data-draft-skip": ""}
        ),
    )


class PublicFormMixin:
    """On a form: ``chosen_from_a_list`` (lists that open on an empty « Choose… »: a first
    value preselected gets sent unread), ``autocomplete`` and ``input_modes`` (the
    browser's autofill and the phone's keyboard per field), and ``consent_text`` (one
    sentence for translators, with ``{url}`` where the policy's link goes)."""

    # Given by the Django form the mixin goes on.
    fields: dict[str, Any]
    data: Any

    chosen_from_a_list: tuple[str, ...] = ()
    autocomplete: dict[str, str] = {}
    input_modes: dict[str, str] = {}
    consent_text = ""

    def prepare_fields(self, privacy_url: str) -> None:
        for name in self.chosen_from_a_list:
            field = self.fields[name]
            field.choices = [("", _("Choose…"))] + [
                (value, label) for value, label in field.choices if value != ""
            ]
        for name, token in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        for name, mode in self.input_modes.items():
            self.fields[name].widget.attrs["inputmode"] = mode
        self.fields["consent"].label = format_html(self.consent_text, url=privacy_url or "#")
        # Consent is given anew each time: a draft never ticks it (site.js).
        self.fields["consent"].widget.attrs["data-draft-skip"] = ""

    def is_spam(self) -> bool:
        """Only robots fill the hidden field (people never see it)."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def privacy_policy(request) -> tuple[str, str]:
    """The privacy policy in force, in the reader's language: (url, version)."""
    policy_page = OrganisationSettings.load(request_or_site=request).privacy_page
    if policy_page is None:
        return "", ""
    localized = languages.localized_page_map([policy_page.pk]).get(policy_page.pk, policy_page)
    return localized.get_url(request) or "", getattr(policy_page.specific, "version", "")


def draft_attrs(name: str, base: str | None = None) -> dict[str, str]:
    """The attributes that let the site's script keep what a person types in this form on
    their own device until it is accepted (site.js, « drafts »): the form's name, and the
    sentences it shows, in the visitor's language. Nothing typed leaves the device.

    ``base`` marks a form that edits a record (:func:`record_version` of what the server
    showed): its draft keeps every field and is put back only onto that same version."""
    if base is not None:
        return {
            "data-draft": name,
            "data-draft-base": base,
            "data-draft-note": gettext(
                "Your changes are kept on this device only, until they are saved."
            ),
            "data-draft-restored": gettext(
                "The changes you had not yet saved on this device are back in the form."
            ),
            "data-draft-clear": gettext("Undo these changes"),
        }
    return {
        "data-draft": name,
        "data-draft-note": gettext(
            "What you type here is kept on this device only, until the form is received "
            "(attached files excepted)."
        ),
        "data-draft-restored": gettext(
            "What you had typed on this device is back in the form. Attach your files again."
        ),
        "data-draft-clear": gettext("Clear the form"),
    }


def record_version(*initials: Mapping[str, Any]) -> str:
    """A short fingerprint of the values an edit form starts from (its forms' ``initial``):
    a draft written on one version of a record is never put back onto another."""
    text = json.dumps([dict(initial) for initial in initials], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Verdict(enum.Enum):
    """What ``screen`` decided about a submission."""

    ROBOT = "robot"  # the hidden field filled: held, the sender told it went through
    INVALID = "invalid"  # shown again with its messages
    LIMITED = "limited"  # past the rate limit: held, shown again with ``too_many``
    ACCEPTED = "accepted"  # for the app to store


def screen(request, form, *, form_name, rate, too_many) -> Verdict:
    """The checks every public form's POST goes through before the app stores it: the
    honeypot, then the rate limit (``5/h``), which counts every post from the address,
    valid or not, then the form's own validation. A post past the limit is held for
    staff (consortium.intake.held) without being validated: whatever it carries (a
    hostile PDF) costs nothing more."""
    language = languages.current_language()
    if form.is_spam():
        held.hold(form_name, HeldSubmission.Reason.HONEYPOT, request, language)
        logger.info("Form %s: honeypot filled, submission held", form_name)
        return Verdict.ROBOT
    if limit_reached(request, form_name, rate):
        held.hold(form_name, HeldSubmission.Reason.RATE_LIMIT, request, language)
        show_unvalidated(form, too_many)
        return Verdict.LIMITED
    if not form.is_valid():
        return Verdict.INVALID
    return Verdict.ACCEPTED


def show_unvalidated(form, message) -> None:
    """``form`` shown again as typed, with ``message`` alone, its fields not validated.
    (Django validates a form the first time its errors are read; an empty error list
    marks that as done.)"""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)


def receive(request, form, *, form_name, rate, too_many, thanks_url, render, submit, salt=""):
    """Answer the POST of ``form`` (see the module's docstring). ``render(form, status)``
    shows the form again; ``submit(cleaned_data)`` stores it and returns the case, whose
    ``reference`` the confirmation's address carries signed with ``salt`` (a case without
    one, as a newsletter request, gets the confirmation alone); ``rate`` is the limit
    (``5/h``) and ``too_many`` its message."""
    verdict = screen(request, form, form_name=form_name, rate=rate, too_many=too_many)
    if verdict is Verdict.ROBOT:
        return HttpResponseRedirect(thanks_url)
    if verdict is not Verdict.ACCEPTED:
        return render(form, 429 if verdict is Verdict.LIMITED else 200)
    case = submit(form.cleaned_data)
    if not getattr(case, "reference", ""):
        return HttpResponseRedirect(thanks_url)
    return HttpResponseRedirect(f"{thanks_url}?ref={signing.dumps(case.reference, salt=salt)}")


def signed_reference(request, salt: str) -> str:
    """The reference the confirmation's address carries, "" when absent, forged or old."""
    try:
        reference = signing.loads(request.GET.get("ref", ""), salt=salt, max_age=REFERENCE_MAX_AGE)
    except signing.BadSignature:
        return ""
    return reference if isinstance(reference, str) else ""
