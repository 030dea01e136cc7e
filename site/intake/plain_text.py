"""What people type stays plain text: refused at input when it carries control characters,
neutralised on the way out (spreadsheets).

At input (``PlainTextFormMixin``, on every public form): a control character (the Unicode
« Cc » category: NUL, ESC, DEL, the C1 range…) is refused with a clear message next to its
field, and so is a line break in a single-line field (a name, an address, an email
subject would otherwise carry it into emails and exports). Multi-line fields (textareas)
keep their line breaks and tabs. The characters that override the direction of text
(U+202A–U+202E, U+2066–U+2069) are refused in every field: they make a name read
otherwise than it is written, in the admin, the exports and the emails. Nothing is
removed silently: the visitor sees the message and the rest of what they typed.

On the way out (:func:`spreadsheet_cell`): control and direction characters that are still
in older data are removed (openpyxl refuses them, which made the XLSX export fail), and a
CSV cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading apostrophe, so that a spreadsheet program shows it as text instead of running it as
a formula (« CSV injection »). The XLSX writer already stores such cells as text.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
MULTILINE_ALLOWED = "\n\r\t"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
DIRECTION_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value: str, *, multiline: bool) -> bool:
    allowed = MULTILINE_ALLOWED if multiline else ""
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in value) or (
        not multiline and any(char in LINE_BREAKS for char in value)
    )


class PlainTextValidator:
    def __init__(self, *, multiline: bool):
        self.multiline = multiline

    def __call__(self, value):
        if isinstance(value, str) and DIRECTION_CONTROLS.search(value):
            raise ValidationError(
                _(
                    "This text contains invisible characters that change its direction: "
                    "please type it again."
                ),
                code="direction_controls",
            )
        if not isinstance(value, str) or not has_control_characters(
            value, multiline=self.multiline
        ):
            return
        if not self.multiline and not has_control_characters(value, multiline=True):
            raise ValidationError(
                _("This field holds a single line: remove the line breaks."), code="line_break"
            )
        raise ValidationError(
            _("This text contains invisible control characters: please type it again."),
            code="control_characters",
        )

    def __eq__(self, other):
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline


class PlainTextFormMixin:
    """Adds :class:`PlainTextValidator` to every text field of the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(PlainTextValidator(multiline=multiline))


def spreadsheet_cell(value, *, csv: bool):
    """A value safe to write in a spreadsheet cell (see the module's docstring)."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    if csv and value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value
