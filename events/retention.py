"""Retention (Loi 25): attendees' names, organisations and emails are removed
EVENT_REGISTRATION_RETENTION_DAYS after the event (the counts stay)."""

import datetime

from django.db import transaction
from django.utils import timezone

from consortium.cases.retention import ANONYMISED_NAME

from .models import Registration, RegistrationEmail


def due_for_anonymisation(days: int, now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)


def anonymise(registrations) -> int:
    with transaction.atomic():
        ids = list(registrations.values_list("pk", flat=True))
        Registration.objects.filter(pk__in=ids).update(
            name=ANONYMISED_NAME, organisation="", email="", anonymised_at=timezone.now()
        )
        RegistrationEmail.objects.filter(registration_id__in=ids).delete()
    return len(ids)
