"""Demo content of the services app: « Demande de service » in French and English (the
fields' team addresses are the expertise demo's), and where to follow the requests."""

from django.conf import settings

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from .models import ServiceRequestPage

PAGE = {
    "title": ("Demande de service", "Service request"),
    "slug": ("demande-de-service", "service-request"),
    "intro": (
        "Décrivez votre besoin : l’équipe du champ d’expertise choisi vous répond, précise "
        "le mandat avec vous et vous envoie une offre au juste coût.",
        "Describe your need: the team of the field you choose answers, works out the "
        "mandate with you and sends you an offer, at cost.",
    ),
    "non_member_text": (
        "Les services des experts du Consortium sont offerts à ses membres. Votre organisation "
        "n’est pas membre ? Envoyez tout de même votre demande : nous y répondrons et vous "
        "expliquerons comment adhérer.",
        "The Consortium’s experts serve its members. Your organisation is not a member? Send "
        "your request anyway: we will answer it and explain how to join.",
    ),
    "thanks_text": (
        "L’équipe du champ d’expertise étudie votre demande et vous écrira pour préciser "
        "votre besoin, puis pour vous envoyer une offre.",
        "The field’s team is looking at your request and will write to you to work out "
        "your need, then to send you an offer.",
    ),
}


@demo_step(540)
def build_service_request_page(ctx: DemoContext):
    """« Demande de service » (/fr/demande-de-service/, /en/service-request/)."""
    strings = {PAGE[name][0]: PAGE[name][1] for name in PAGE}
    page = ensure_translated_page(
        ctx,
        ctx.pages["home"],
        ServiceRequestPage,
        PAGE,
        strings,
        non_member_text=PAGE["non_member_text"][0],
        thanks_text=PAGE["thanks_text"][0],
    )
    ctx.pages["service_request"] = page
    if settings.DEBUG:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/service-requests/"
        ctx.notes.append(
            f"Service requests: {admin_url} — sign in as « services » (« Services aux membres »)"
        )
