"""Demo content of the newsletter app: « Infolettre » in French and English, and where to
find the subscribers."""

from django.conf import settings

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from .models import NewsletterPage

PAGE = {
    "title": ("Infolettre", "Newsletter"),
    "slug": ("infolettre", "newsletter"),
    "intro": (
        "Une fois par mois environ : les nouvelles du Consortium, de ses champs d’expertise, "
        "de ses événements et de ses membres.",
        "About once a month: news of the Consortium, its fields of expertise, its events "
        "and its members.",
    ),
    "thanks_text": (
        "Le courriel peut prendre quelques minutes. Vous ne le trouvez pas ? Regardez dans "
        "vos courriels indésirables.",
        "The email may take a few minutes. Cannot find it? Look in your junk mail.",
    ),
}


@demo_step(545)
def build_newsletter_page(ctx: DemoContext):
    """« Infolettre » (/fr/infolettre/, /en/newsletter/)."""
    strings = {PAGE[name][0]: PAGE[name][1] for name in PAGE}
    ctx.pages["newsletter"] = ensure_translated_page(
        ctx, ctx.pages["home"], NewsletterPage, PAGE, strings, thanks_text=PAGE["thanks_text"][0]
    )
    if settings.DEBUG:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/newsletter-subscribers/"
        ctx.notes.append(
            f"Newsletter subscribers: {admin_url} — sign in as « communications »; the "
            "confirmation email is printed in this console"
        )
