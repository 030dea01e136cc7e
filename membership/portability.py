"""One applicant's data as JSON, for a Loi 25 access or portability request.

Everything the organisation gave (the form's fields, the fields of interest, the file names
of its documents — not their content, which is sent as the files themselves), its consent
record, the statuses it went through and the notes the committee chose to share, the
requests for more information and the answers. The committee's internal notes and unshared
notes are deliberations, left out (Loi 25 allows withholding them; the committee can add
them by hand if it decides to).
"""

from wagtail.models import ModelLogEntry

from .models import APPLICANT_FIELDS
from .workflow import STATUS_CHANGED


def _value(application, name):
    value = getattr(application, name)
    return str(value) if name == "contact_phone" else value


def applicant_data(application) -> dict:
    consent = getattr(application, "consent", None)
    history = ModelLogEntry.objects.for_instance(application).filter(action=STATUS_CHANGED)
    return {
        "reference": application.reference,
        "submitted_at": application.submitted_at.isoformat(),
        "language": application.language,
        "status": application.status,
        "application": {name: _value(application, name) for name in APPLICANT_FIELDS},
        "fields_of_interest": [page.title for page in application.fields_of_interest.all()],
        "attachments": [
            {"file_name": item.original_name, "size": item.size}
            for item in application.attachments.all()
        ],
        "consent": consent
        and {
            "given_at": consent.given_at.isoformat(),
            "privacy_policy_version": consent.policy_version,
            "language": consent.language,
            "newsletter": consent.newsletter,
        },
        "status_history": [
            {
                "at": entry.timestamp.isoformat(),
                "from": entry.data.get("from"),
                "to": entry.data.get("to"),
                "note": entry.data.get("note", "") if entry.data.get("shared") else "",
            }
            for entry in history.order_by("timestamp", "pk")
        ],
        "requests_for_information": [
            {
                "asked_at": item.created_at.isoformat(),
                "question": item.question,
                "answered_at": item.used_at.isoformat() if item.used_at else None,
                "answer": item.response,
            }
            for item in application.info_requests.all()
        ],
    }
