"""Path converters for the site's own URLs.

Django's ``int`` converter takes any number of digits, and a number beyond the database's
64-bit integers then fails inside the query (a server error on PostgreSQL and SQLite) instead
of a 404. ``<id:…>`` takes only what a primary key can be: a converter's ``ValueError`` makes
the address not match, so an absurd id is simply not found.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value) -> str:
        return str(value)


def register() -> None:
    register_converter(IdConverter, "id")
