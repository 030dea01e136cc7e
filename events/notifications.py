"""The registration's emails (the site's outbox), in the registrant's language: the
confirmation carries the event's .ics and the cancellation link."""

from consortium.messaging import outbox

from .calendar import to_ics
from .links import cancel_url
from .models import RegistrationEmail


def _context(row: RegistrationEmail) -> dict:
    registration = row.registration
    return {
        "registration": registration,
        "event": registration.event.localized,
        "cancel_url": cancel_url(registration),
    }


def message(row: RegistrationEmail):
    email = outbox.plain_message(row, f"events/email/{row.kind}", _context)
    if row.kind in (RegistrationEmail.Kind.CONFIRMED, RegistrationEmail.Kind.PROMOTED):
        event = row.registration.event
        email.attach(f"{event.slug}.ics", to_ics([event], event.title), "text/calendar")
    return email
