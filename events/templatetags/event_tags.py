"""The JSON-LD description of an event (schema.org Event)."""

from django import template
from django.conf import settings
from django.utils import timezone

from consortium.pages.seo import json_ld_script

register = template.Library()


def event_data(page) -> dict:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    places = []
    if page.location:
        places.append({"@type": "Place", "name": page.location})
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    if page.location and page.online_url:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif page.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": places[0] if len(places) == 1 else places,
        "inLanguage": page.locale.language_code,
        "url": base + page.url,
        "organizer": {
            "@type": "Organization",
            "name": "Consortium de coopération des entreprises collectives",
            "url": base + "/",
        },
    }


@register.simple_tag
def event_jsonld(page):
    return json_ld_script(event_data(page))
