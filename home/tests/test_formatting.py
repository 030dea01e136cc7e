"""Language-aware formatting of contact data."""

import datetime

import phonenumbers
import pytest
from django.utils import translation

from consortium.factories import OrganisationSettingsFactory
from consortium.i18n.formatting import (
    format_long_date,
    format_opening_hours,
    format_phone,
    format_time_of_day,
)


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (datetime.time(8, 30), "fr", "8\u00a0h\u00a030"),
        (datetime.time(16, 0), "fr", "16\u00a0h"),
        (datetime.time(8, 30), "en", "8:30 a.m."),
        (datetime.time(16, 30), "en", "4:30 p.m."),
    ],
)
def test_time_of_day(value, language, expected):
    with translation.override(language):
        assert format_time_of_day(value) == expected


def test_phone_numbers_use_national_format():
    assert format_phone(phonenumbers.parse("+14186221001")) == "(418) 622-1001"
    assert format_phone("+18558379142") == "1 (855) 837-9142"
    assert format_phone(None) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030"),
        ("en", "Monday to Friday, 8:30 a.m. to 4:30 p.m."),
    ],
)
def test_opening_hours(language, expected):
    contact = OrganisationSettingsFactory()
    with translation.override(language):
        assert format_opening_hours(contact) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (datetime.date(2020, 12, 1), "fr", "1er décembre 2020"),
        (datetime.date(2019, 4, 15), "fr", "15 avril 2019"),
        (datetime.date(2020, 12, 1), "en", "December 1, 2020"),
    ],
)
def test_long_date(value, language, expected):
    with translation.override(language):
        assert format_long_date(value) == expected
