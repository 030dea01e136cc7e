"""Retention (Loi 25): completed and dropped service requests are anonymised once they
have been closed for SERVICE_REQUEST_RETENTION_MONTHS (24 by default), as applications
are (consortium.cases.retention).

Kept: reference, dates, status, fields of expertise, region, timeframe, the link to the
member, the consent record's date and policy version. Removed: the organisation's name and
NEQ, the contact person, the need, the documents (files and rows), the internal notes, the
emails sent, and the name and notes in the audit log.
"""

from consortium.cases import retention

from .choices import CLOSED_STATUSES
from .models import ServiceRequest

CLEARED_FIELDS = [
    "organisation_name",
    "neq",
    "contact_name",
    "contact_email",
    "contact_phone",
    "need",
]


def due_for_anonymisation(months: int, now=None):
    return retention.due(ServiceRequest, CLOSED_STATUSES, months, now)


def anonymise(service_request: ServiceRequest) -> None:
    retention.anonymise(
        service_request,
        cleared=CLEARED_FIELDS,
        name_field="organisation_name",
        deleted=["attachments", "internal_notes", "notifications"],
    )
