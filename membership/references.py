"""Human references for applications: ADH-YYYY-NNNN, numbered from 1 each year.

The year's counter row is incremented by an UPDATE inside the application's transaction:
the row stays locked until that transaction ends, so two submissions at the same moment
(on any number of app servers sharing the database) always get two different numbers, and
a rolled-back submission gives its number back.
"""

from django.db import transaction
from django.db.models import F

from .models import ReferenceCounter


def next_reference(year: int) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_reference() must run inside the application's transaction")
    # Create the year's row if it does not exist yet; concurrent creators do not collide.
    ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year)], ignore_conflicts=True)
    ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1)
    number = ReferenceCounter.objects.values_list("last", flat=True).get(year=year)
    return f"ADH-{year}-{number:04d}"
