"""Who sends the site's emails, as the law wants it named (CASL: the sender's name and a
valid postal address in every commercial electronic message): the Consortium and each of
its offices' full postal address, from the contact settings.

While an office lacks its street or postal code (rows saved before both were required),
``missing_postal_address`` is true: the newsletter's emails wait (its outbox holds them,
``newsletter.apps``), the admin warns staff on every screen and ``migrate`` / ``check
--database default`` say so (``consortium.checks``).
"""

from consortium.models import Office

ORGANISATION = "Consortium de coopération des entreprises collectives"


def _offices() -> list[Office]:
    return list(Office.objects.order_by("settings_id", "sort_order", "pk"))


def postal_addresses() -> list[str]:
    """Each office's full postal address, on one line, in the settings' order."""
    return [office.postal_address for office in _offices() if office.is_complete]


def missing_postal_address() -> bool:
    """True when there is no office, or one lacks its street or postal code."""
    offices = _offices()
    return not offices or not all(office.is_complete for office in offices)


def check_postal_address(
    app_configs: object = None, databases: list[str] | None = None, **kwargs: object
) -> list[object]:
    """A system check on the database (``migrate`` and ``check --database default`` run
    it, so a release says so): a warning while an office lacks its postal address."""
    from django.core.checks import Warning
    from django.db import DatabaseError

    if not databases:
        return []
    try:
        missing = missing_postal_address()
    except DatabaseError:
        return []  # before the first migration: nothing to check yet
    if not missing:
        return []
    return [
        Warning(
            "An office has no full postal address (street and postal code): the "
            "newsletter's emails are held until the contact settings have one (CASL).",
            hint="Admin → Paramètres → Coordonnées → Bureaux.",
            id="consortium.W001",
        )
    ]
