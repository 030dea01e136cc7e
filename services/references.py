"""Human references for service requests: DS-YYYY-NNNN, numbered from 1 each year, unique
under concurrency (consortium.cases.next_reference)."""

from consortium import cases

from .models import ReferenceCounter


def next_reference(year: int) -> str:
    return cases.next_reference(ReferenceCounter, "DS", year)
