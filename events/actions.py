"""Registering and cancelling, each in one transaction under the event's lock, so two people
never get the last seat: a registration is confirmed while seats remain, else it waits;
a cancellation gives its seat to the first one waiting (who is told by email).

Registrations belong to the event's page in the default language (its translations are
the same event: one capacity, one list)."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from consortium.i18n.languages import default_language
from consortium.messaging import outbox

from .models import EventPage, Registration, RegistrationEmail

State = Registration.State


class RegistrationClosed(Exception):
    pass


# A reminder to someone already registered is sent once an hour at most (the form can be
# sent again by anyone who knows the address).
REMINDER_INTERVAL = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Registered:
    """What ``register`` did. ``waiting``: the event was full (the answer shown to the
    visitor depends on that alone, never on whether the address was already registered)."""

    registration: Registration
    new: bool
    waiting: bool


def canonical(page: EventPage) -> EventPage:
    """The event's page in the default language (itself when it has no such translation)."""
    if page.locale.language_code == default_language():
        return page
    source = EventPage.objects.filter(
        translation_key=page.translation_key, locale__language_code=default_language()
    ).first()
    return source or page


def confirmed_count(event: EventPage) -> int:
    return event.registrations.filter(state=State.CONFIRMED).count()


def seats_left(page: EventPage) -> int | None:
    if page.capacity is None:  # synchronised: the same on every translation
        return None
    event = canonical(page)
    return max(event.capacity - confirmed_count(event), 0)


def _queue(registration, kind):
    outbox.queue(
        RegistrationEmail,
        registration=registration,
        kind=kind,
        recipient=registration.email,
        language=registration.language,
    )


def register(page: EventPage, *, name, organisation, email, language, now=None) -> Registered:
    """Register ``email`` (confirmed or waiting), or, when it already holds a seat or a
    place in line, remind its owner by email (the visitor is answered the same either way:
    nobody learns who registered); RegistrationClosed after the deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=canonical(page).pk)
        if not event.registration_open(now):
            raise RegistrationClosed
        email = email.strip().lower()
        full = event.capacity is not None and confirmed_count(event) >= event.capacity
        existing = event.registrations.exclude(state=State.CANCELLED).filter(email=email).first()
        if existing is not None:
            _remind(existing, now)
            return Registered(existing, new=False, waiting=full)
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    state=State.WAITING if full else State.CONFIRMED,
                    name=name.strip(),
                    organisation=organisation.strip(),
                    email=email,
                    language=language,
                    consent_given_at=now,
                )
        except IntegrityError:  # the same email a moment earlier, elsewhere
            existing = event.registrations.exclude(state=State.CANCELLED).get(email=email)
            _remind(existing, now)
            return Registered(existing, new=False, waiting=full)
        _queue(
            registration,
            RegistrationEmail.Kind.WAITING if full else RegistrationEmail.Kind.CONFIRMED,
        )
    return Registered(registration, new=True, waiting=full)


def _remind(registration: Registration, now) -> None:
    """« You are already registered », with the cancellation link, once an hour at most."""
    recent = registration.emails.filter(
        kind=RegistrationEmail.Kind.ALREADY, created_at__gte=now - REMINDER_INTERVAL
    )
    if not recent.exists():
        _queue(registration, RegistrationEmail.Kind.ALREADY)


def cancel(registration: Registration) -> Registration | None:
    """Cancel (once); returns the registration promoted from the waiting list, if any."""
    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=registration.event_id)
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.state == State.CANCELLED:
            return None
        held_a_seat = locked.state == State.CONFIRMED
        locked.state = State.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["state", "cancelled_at"])
        _queue(locked, RegistrationEmail.Kind.CANCELLED)
        if not held_a_seat:
            return None
        if event.capacity is not None and confirmed_count(event) >= event.capacity:
            return None
        promoted = (
            event.registrations.filter(state=State.WAITING).order_by("registered_at", "pk").first()
        )
        if promoted is not None:
            promoted.state = State.CONFIRMED
            promoted.save(update_fields=["state"])
            _queue(promoted, RegistrationEmail.Kind.PROMOTED)
        return promoted
