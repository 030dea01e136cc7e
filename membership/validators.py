"""Validation and normalisation of what applicants type and attach.

Each function either returns the normalised value or raises ValidationError with a message
for the applicant (in their language, through gettext).
"""

import re

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 3

# Canada Post: letters D, F, I, O, Q and U never appear; W and Z never come first.
_POSTAL_CODE = re.compile(
    r"^([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z])([0-9][ABCEGHJ-NPRSTV-Z][0-9])$"
)


def normalise_neq(value: str) -> str:
    """The Québec enterprise number (NEQ): exactly 10 digits once spaces are removed."""
    digits = re.sub(r"\s+", "", value or "")
    if not re.fullmatch(r"[0-9]{10}", digits):
        raise ValidationError(
            _("The NEQ has exactly 10 digits, for example 1234 5678 90."), code="neq"
        )
    return digits


def normalise_postal_code(value: str) -> str:
    """A Canadian postal code, as « A1A 1A1 » (case and spacing of the input ignored)."""
    compact = re.sub(r"[\s-]+", "", value or "").upper()
    match = _POSTAL_CODE.match(compact)
    if not match:
        raise ValidationError(
            _("Enter a Canadian postal code, for example H2X 1Y4."), code="postal_code"
        )
    return f"{match.group(1)} {match.group(2)}"


def validate_pdf(uploaded) -> None:
    """A PDF recognised by its content (its first bytes), whatever its name or the type the
    browser claims, and at most 10 MB."""
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("« %(name)s » is larger than 10 MB."),
            code="too_large",
            params={"name": uploaded.name},
        )
    uploaded.seek(0)
    head = uploaded.read(261)  # what filetype needs to recognise any type it knows
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime != "application/pdf":
        raise ValidationError(
            _("« %(name)s » is not a PDF document: attach PDF files only."),
            code="not_pdf",
            params={"name": uploaded.name},
        )
