"""Language-aware formatting of contact data (phones, opening hours) for templates.

Québec French writes times as « 8 h 30 »; English uses « 8:30 a.m. ». Keeping this in one
place lets the settings hold plain data that both languages render correctly.
"""

import datetime

import phonenumbers
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from consortium.search.terms import fold


def format_time_of_day(value: datetime.time, language: str | None = None) -> str:
    """A time as readers of ``language`` expect it (fr: « 8 h 30 », en: « 8:30 a.m. »)."""
    language = (language or get_language() or "fr")[:2]
    if language == "fr":
        # No-break spaces: « 8 h 30 » must never wrap inside.
        if value.minute:
            return f"{value.hour}\u00a0h\u00a0{value.minute:02d}"
        return f"{value.hour}\u00a0h"
    return formats.time_format(value, "P")


def language_name(code: str) -> str:
    """« Anglais » for ``en`` in French (Django's names, in the active language)."""
    try:
        return str(capfirst(get_language_info(code)["name_translated"]))
    except KeyError:
        return code


def format_phone(number) -> str:
    """National display of a Canadian number; toll-free numbers keep their leading 1."""
    if not number:
        return ""
    parsed = (
        number
        if isinstance(number, phonenumbers.PhoneNumber)
        else phonenumbers.parse(str(number), "CA")
    )
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE:
        return f"1 {national}"
    return national


def format_opening_hours(settings_obj) -> str:
    """« Du lundi au vendredi, de 8 h 30 à 16 h 30 » in the active language."""
    days = dict(settings_obj._meta.get_field("open_from_day").choices)
    return _("%(first_day)s to %(last_day)s, %(opens)s to %(closes)s") % {
        "first_day": str(days[settings_obj.open_from_day]),
        "last_day": str(days[settings_obj.open_to_day]),
        "opens": format_time_of_day(settings_obj.opens_at),
        "closes": format_time_of_day(settings_obj.closes_at),
    }


def format_long_date(value: datetime.date, language: str | None = None) -> str:
    """« 1er décembre 2020 » in French (Québec usage), « December 1, 2020 » in English."""
    language = (language or get_language() or "fr")[:2]
    if language == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {formats.date_format(value, 'F Y')}"
    return formats.date_format(value, "F j, Y")


def alphabetical(items, key=str) -> list:
    """``items`` in the order a reader expects in a French or English list: accents and case
    set aside (« Démarrage » before « Données »), where the database's own order of titles
    follows code points and puts every accented letter last."""
    return sorted(items, key=lambda item: (fold(key(item)), key(item)))
