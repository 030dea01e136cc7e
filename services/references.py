"""Human references for service requests: DS-YYYY-NNNN, numbered from 1 each year, unique
under concurrency (consortium.cases.handling.next_reference)."""

from consortium.cases import handling

from .models import ReferenceCounter


def next_reference(year: int) -> str:
    return handling.next_reference(ReferenceCounter, "DS", year)
