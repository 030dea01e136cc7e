"""Retention (Loi 25): attendees' names, organisations and emails are removed
EVENT_REGISTRATION_RETENTION_DAYS after the event (the counts stay)."""

import datetime

from django.utils import timezone

from consortium.cases.retention import ANONYMISED_NAME, RunOutcome, in_batches

from .models import Registration, RegistrationEmail


def due_for_anonymisation(days: int, now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)


def anonymise_batch(ids: list[int]) -> None:
    """Clear the attendees' names, organisations and emails (anonymised rows are outside
    the one-registration-per-address rule, so any number of them may share the empty
    address), and delete the emails sent to them."""
    Registration.objects.filter(pk__in=ids).update(
        name=ANONYMISED_NAME, organisation="", email="", anonymised_at=timezone.now()
    )
    RegistrationEmail.objects.filter(registration_id__in=ids).delete()


def anonymise(registrations) -> RunOutcome:
    """Every registration of ``registrations``, in batches each committed on its own."""
    return in_batches(
        list(registrations.order_by("pk").values_list("pk", flat=True)), anonymise_batch
    )
