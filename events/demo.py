"""Demo content of the events app: « Événements » in French and English with one upcoming
public training, one past activity and the next general assembly (its agenda, and the
example document of « Documents des membres » for member contacts). The dates of the
upcoming ones are counted from the day the demo is built."""

import datetime

from django.utils import timezone
from wagtail.documents import get_document_model

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from .models import Audience, EventIndexPage, EventPage, Kind

INDEX = {
    "title": ("Événements", "Events"),
    "slug": ("evenements", "events"),
    "intro": (
        "Formations, activités et assemblée générale du Consortium.",
        "The Consortium’s trainings, activities and general assembly.",
    ),
}

# (key, kind, audience, days from today (None: a fixed past date), hour, hours, capacity,
#  (title fr, en), (slug fr, en), (summary fr, en), (place fr, en), online)
EVENTS = [
    (
        "training",
        Kind.TRAINING,
        Audience.PUBLIC,
        30,
        9,
        3,
        25,
        ("Formation : gouvernance des coopératives", "Training: cooperative governance"),
        ("formation-gouvernance", "governance-training"),
        (
            "Une matinée pour les administratrices et administrateurs : rôles, réunions, "
            "procès-verbaux.",
            "A morning for board members: roles, meetings, minutes.",
        ),
        ("", ""),
        "https://visio.example.org/gouvernance",
    ),
    (
        "past",
        Kind.ACTIVITY,
        Audience.PUBLIC,
        None,
        13,
        2,
        None,
        ("Rencontre des membres de la région de Québec", "Members’ meeting, Québec region"),
        ("rencontre-quebec", "quebec-meeting"),
        (
            "Une rencontre d’échange entre les membres et l’équipe du Consortium.",
            "An exchange between members and the Consortium’s team.",
        ),
        ("Québec", "Québec"),
        "",
    ),
    (
        "aga",
        Kind.GENERAL_ASSEMBLY,
        Audience.MEMBERS,
        120,
        13,
        3,
        None,
        ("Assemblée générale annuelle", "Annual general assembly"),
        ("assemblee-generale", "general-assembly"),
        (
            "L’assemblée générale annuelle des membres du Consortium : rapport annuel, états "
            "financiers, élections.",
            "The annual general assembly of the Consortium’s members: annual report, "
            "financial statements, elections.",
        ),
        ("Lévis", "Lévis"),
        "",
    ),
]
PAST_DATE = datetime.date(2025, 11, 20)
AGENDA = [
    ("Ouverture de l’assemblée", "Opening of the assembly"),
    ("Rapport annuel 2024-2025", "Annual report 2024-2025"),
    ("États financiers", "Financial statements"),
    ("Élection des administrateurs", "Election of the directors"),
]
DOCUMENT_LABEL = (
    "Procès-verbal de la dernière assemblée (exemple)",
    "Minutes of the last assembly (example)",
)


def _moment(days, hour):
    day = PAST_DATE if days is None else timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@demo_step(630)
def build(ctx: DemoContext):
    """« Événements » (/fr/evenements/, /en/events/) and three events."""
    index = ensure_translated_page(ctx, ctx.pages["home"], EventIndexPage, INDEX)
    ctx.pages["events"] = index
    document = get_document_model().objects.filter(collection__name="Documents des membres").first()
    for (
        key,
        kind,
        audience,
        days,
        hour,
        hours,
        capacity,
        title,
        slug,
        summary,
        place,
        online,
    ) in EVENTS:
        page = EventPage.objects.child_of(index).filter(slug=slug[0]).first()
        if page is None:
            start = _moment(days, hour)
            page = EventPage(
                title=title[0],
                slug=slug[0],
                kind=kind,
                audience=audience,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                capacity=capacity,
                summary=summary[0],
                location=place[0],
                online_url=online,
            )
            if kind == Kind.GENERAL_ASSEMBLY:
                page.notice_date = (start - datetime.timedelta(days=30)).date()
                page.agenda = [("item", fr) for fr, _en in AGENDA]
                if document is not None:
                    page.documents = [
                        ("document", {"label": DOCUMENT_LABEL[0], "document": document})
                    ]
            index.add_child(instance=page)
            page.save_revision().publish()
            ctx.created(f"event « {title[0]} »")
        ctx.pages[f"event:{key}"] = page
        if not page.has_translation(ctx.locales["en"]):
            strings = dict([title, slug, summary, DOCUMENT_LABEL, *AGENDA])
            if place[0]:
                strings[place[0]] = place[1]
            ctx.translate(page, strings)
            ctx.created(f"English event « {title[1]} »")
