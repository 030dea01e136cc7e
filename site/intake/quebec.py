"""What a Québec organisation types about itself, checked the same way on every form:
its enterprise number (NEQ), its postal code, its administrative region.

Each function either returns the normalised value or raises ValidationError with a message
for the visitor (in their language, through gettext). Québec's administrative regions are
proper names with their official code, the same in both languages (« 02
Saguenay–Lac-Saint-Jean », with its en dash).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGIONS = [
    ("01", "01 Bas-Saint-Laurent"),
    ("02", "02 Saguenay–Lac-Saint-Jean"),
    ("03", "03 Capitale-Nationale"),
    ("04", "04 Mauricie"),
    ("05", "05 Estrie"),
    ("06", "06 Montréal"),
    ("07", "07 Outaouais"),
    ("08", "08 Abitibi-Témiscamingue"),
    ("09", "09 Côte-Nord"),
    ("10", "10 Nord-du-Québec"),
    ("11", "11 Gaspésie–Îles-de-la-Madeleine"),
    ("12", "12 Chaudière-Appalaches"),
    ("13", "13 Laval"),
    ("14", "14 Lanaudière"),
    ("15", "15 Laurentides"),
    ("16", "16 Montérégie"),
    ("17", "17 Centre-du-Québec"),
]

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
