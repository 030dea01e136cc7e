"""Events as iCalendar (RFC 5545, with the icalendar library): one event's .ics and the
feed of upcoming events. Times carry their zone (America/Toronto, with its VTIMEZONE), so
every calendar shows them at the right hour; each event has a stable UID."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT = "-//Consortium de coopération des entreprises collectives//Site//FR"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(page, base_url: str) -> Event:
    zone = timezone.get_default_timezone()
    event = Event()
    event.add("uid", f"event-{page.translation_key}@{base_url.split('://')[-1].strip('/')}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(page.start, zone))
    event.add("dtend", timezone.localtime(page.end, zone))
    event.add("summary", page.title)
    event.add("description", page.summary)
    where = ", ".join(part for part in (page.location, page.online_url) if part)
    if where:
        event.add("location", where)
    event.add("url", base_url.rstrip("/") + page.url)
    return event


def to_ics(pages, name: str) -> bytes:
    base_url = settings.WAGTAILADMIN_BASE_URL
    calendar = _calendar(name)
    pages = list(pages)
    for page in pages:
        calendar.add_component(_event(page, base_url))
    if pages:
        # The zone's rules for the years the events span (not 1970 to 2038).
        first = min(timezone.localtime(page.start) for page in pages).date()
        last = max(timezone.localtime(page.end) for page in pages).date()
        calendar.add_missing_timezones(
            first_date=first.replace(month=1, day=1), last_date=last.replace(year=last.year + 1)
        )
    return calendar.to_ical()
