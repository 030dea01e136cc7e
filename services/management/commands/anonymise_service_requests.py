"""`manage.py anonymise_service_requests`: anonymise completed and dropped service requests
closed for longer than SERVICE_REQUEST_RETENTION_MONTHS (Loi 25; README « Scheduled
jobs »). ``--dry-run`` lists what would be anonymised and changes nothing."""

from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import AnonymiseCommand
from services.retention import anonymise, due_for_anonymisation


class Command(AnonymiseCommand):
    help = "Anonymise completed and dropped service requests past the retention period."
    months_setting = "SERVICE_REQUEST_RETENTION_MONTHS"
    noun = "service request(s)"
    purpose = _("Completed and dropped service requests closed for more than {months} months")
    method = _(
        "Identifying fields cleared; attachments, internal notes and emails deleted; "
        "reference, dates, fields, status and region kept for statistics"
    )

    def due(self, months):
        return due_for_anonymisation(months)

    def anonymise(self, case):
        anonymise(case)
