"""The demo-site builder's registry and its site-wide steps: locales, contact settings,
site texts, menus, the dev admin.

Each app contributes its steps in its own ``demo`` module with ``@demo_step(order)``
(found like ``admin`` modules are), so ``build_demo`` imports no app. Every step creates
what is missing and leaves what exists untouched, so the builder can run on every
`make run` without changing anything the second time (or undoing editors' work).

Order: 0 locales; 100–199 home; 200 expertise; 300 news; 400 home's institutional pages;
500–599 membership; 900– the site-wide settings and menus (after the pages they name).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from consortium.bootstrap.steps import Steps
from consortium.models import NavigationMenu, Office, OrganisationSettings, SearchSynonym, SiteTexts
from consortium.staff import roles
from consortium.upstream.translation import translate

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "changeme"  # noqa: S105 - printed on purpose; created only when DEBUG is on


@dataclass
class DemoContext:
    """What the steps share: the locales, the pages they made, and a log for the command."""

    locales: dict[str, Locale] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    missing_translations: list[str] = field(default_factory=list)
    # Lines the command prints on every run (how to try something), changed or not.
    notes: list[str] = field(default_factory=list)

    def created(self, what: str):
        self.log.append(f"created {what}")

    def translate(self, instance, strings: dict[str, str]):
        """English translation of ``instance`` through wagtail-localize; strings that have
        no translation are collected (the command then fails and names them)."""
        _translated, missing = translate(instance, self.locales["en"], strings)
        self.missing_translations.extend(missing)


_STEPS = Steps("demo")
demo_step = _STEPS.register  # @demo_step(order) on ``function(ctx)``
demo_steps = _STEPS.in_order


def ensure_translated_snippet(ctx: DemoContext, model, lookup: dict, strings: dict[str, str]):
    """The French snippet matching ``lookup`` (created with those values when missing) and
    its English translation, made from ``strings`` (French → English)."""
    snippet = model.objects.filter(locale=ctx.locales["fr"], **lookup).first()
    if snippet is None:
        snippet = model.objects.create(locale=ctx.locales["fr"], **lookup)
        ctx.created(f"{model._meta.verbose_name} {snippet}")
    if not snippet.has_translation(ctx.locales["en"]):
        ctx.translate(snippet, strings)
    return snippet


def ensure_translated_page(ctx: DemoContext, parent, model, spec: dict, strings=None, **fields):
    """The French page of ``spec`` (title, slug, intro as (French, English) pairs) under
    ``parent``, created when missing, and its English translation.

    A page type limited to one per parent is found by its type, any other by its slug, so an
    editor's renaming never makes the builder add a second one.
    """
    existing = model.objects.child_of(parent)
    if getattr(model, "max_count_per_parent", None) != 1:
        existing = existing.filter(slug=spec["slug"][0])
    page = existing.first()
    if page is None:
        page = model(title=spec["title"][0], slug=spec["slug"][0], intro=spec["intro"][0], **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        ctx.created(f"page {spec['slug'][0]}")
    if not page.has_translation(ctx.locales["en"]):
        if strings is None:
            strings = {spec[name][0]: spec[name][1] for name in ("title", "slug", "intro")}
        ctx.translate(page, strings)
        ctx.created(f"English translation of « {page.title} »")
    return page


@demo_step(0)
def read_locales(ctx: DemoContext):
    """The locales setup_site made (build_demo runs it first), for the steps to share."""
    ctx.locales.update(
        (code, Locale.objects.get(language_code=code)) for code, _name in settings.LANGUAGES
    )


# The demo's offices: their cities are real, their street addresses are not, and say so.
DEMO_OFFICES = [
    ("Montréal", "1000, rue de l'Exemple (adresse fictive)", "H2X 1Y4"),
    ("Québec", "2000, boulevard de l'Exemple (adresse fictive)", "G1K 3A1"),
]


@demo_step(900)
def ensure_contact_settings(ctx: DemoContext):
    """Contact details from the Consortium's own publications (phones, hours, offices)."""
    contact = OrganisationSettings.load()
    if contact.contact_page is None and "contact" in ctx.pages:
        contact.contact_page = ctx.pages["contact"]
        contact.save(update_fields=["contact_page"])
        ctx.created("the contact page in the contact settings")
    for office in contact.offices.all():  # a demo database built before addresses were due
        if not office.is_complete:
            office.street_address, office.postal_code = DEMO_OFFICES[office.city == "Québec"][1:]
            office.save(update_fields=["street_address", "postal_code"])
            ctx.created(f"an example postal address for the office of {office.city}")
    if contact.main_phone or contact.offices.exists():
        return
    contact.email = "info@consortium.example"
    contact.main_phone = "+14186221001"
    contact.toll_free_phone = "+18558379142"
    contact.open_from_day, contact.open_to_day = 0, 4
    contact.opens_at, contact.closes_at = datetime.time(8, 30), datetime.time(16, 30)
    contact.privacy_page = ctx.pages.get("privacy")
    contact.committee_email = "adhesion@consortium.example"
    contact.save()
    for order, (city, street, postal_code) in enumerate(DEMO_OFFICES):
        Office.objects.create(
            settings=contact,
            city=city,
            street_address=street,
            province="QC",
            postal_code=postal_code,
            sort_order=order,
        )
    ctx.created("contact settings (phones, hours, offices)")


# Words visitors type that the pages do not use (staff add more in « Synonymes de recherche »).
SEARCH_SYNONYMS = [
    ("fr", "avocat", "juridiques droit"),
    ("fr", "notaire", "juridiques"),
    ("fr", "comptable", "comptabilité fiscalité"),
    ("en", "lawyer", "legal law"),
    ("en", "accountant", "accounting taxation"),
]


@demo_step(905)
def ensure_search_synonyms(ctx: DemoContext):
    for language, term, finds in SEARCH_SYNONYMS:
        _synonym, created = SearchSynonym.objects.get_or_create(
            language=language, term=term, defaults={"finds": finds}
        )
        if created:
            ctx.created(f"search synonym « {term} »")


# From the Consortium's publications: its executive director, who under Loi 25 is the person
# in charge of the protection of personal information unless the role is delegated. The
# address is a placeholder (.example) that staff replace in Paramètres → Textes du site.
SITE_TEXTS = {
    "footer_summary": (
        "Une coopérative de solidarité qui donne aux coopératives, aux mutuelles et aux OBNL un "
        "accès partagé à des experts, au juste coût.",
        "A solidarity cooperative that gives cooperatives, mutuals and non-profits shared "
        "access to specialised experts, at cost.",
    ),
    "privacy_officer_title": ("Directeur général", "Executive Director"),
}
PRIVACY_OFFICER = {
    "privacy_officer_name": "J. Benoit Caron",
    "privacy_officer_email": "confidentialite@consortium.example",
    "privacy_officer_phone": "+14186221001",
}

# The menus, as keys of DemoContext.pages, in their order.
MENUS = {
    "main": ["home", "news", "expertise", "membership", "about", "contact"],
    "footer": ["members", "privacy", "governance", "accessibility", "contact"],
}


@demo_step(910)
def ensure_site_texts(ctx: DemoContext):
    """The footer's presentation and the privacy officer, in French and English."""
    texts = SiteTexts.objects.filter(locale=ctx.locales["fr"]).first()
    if texts is None:
        french = {name: pair[0] for name, pair in SITE_TEXTS.items()}
        texts = SiteTexts.objects.create(locale=ctx.locales["fr"], **french, **PRIVACY_OFFICER)
        ctx.created("site texts")
    if not texts.has_translation(ctx.locales["en"]):
        ctx.translate(texts, dict(SITE_TEXTS.values()))
        ctx.created("English site texts")


@demo_step(920)
def ensure_menus(ctx: DemoContext):
    """The main and footer menus in French, translated to English (labels are the pages'
    titles, so the translation has no string of its own)."""
    for slot, keys in MENUS.items():
        menu = NavigationMenu.objects.filter(locale=ctx.locales["fr"], slot=slot).first()
        if menu is None:
            items = [("page", {"page": ctx.pages[key], "label": ""}) for key in keys]
            menu = NavigationMenu.objects.create(locale=ctx.locales["fr"], slot=slot, items=items)
            ctx.created(f"{slot} menu")
        if not menu.has_translation(ctx.locales["en"]):
            ctx.translate(menu, {})
            ctx.created(f"English {slot} menu")


def ensure_demo_accounts(ctx: DemoContext) -> list[tuple[str, str]]:
    """One account per role for local development (DEBUG only): (username, group)."""
    if not settings.DEBUG:
        return []
    user_model = get_user_model()
    for username, group_name in roles.DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        user = user_model.objects.create_user(
            username,
            email=f"{username}@example.org",
            password=DEV_ADMIN_PASSWORD,
            first_name=group_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        ctx.created(f"demo account {username} ({group_name})")
    return roles.DEMO_ACCOUNTS


def ensure_dev_admin(ctx: DemoContext) -> bool:
    """A superuser for local development only; never created when DEBUG is off."""
    if not settings.DEBUG:
        return False
    user_model = get_user_model()
    if not user_model.objects.filter(username=DEV_ADMIN_USERNAME).exists():
        user_model.objects.create_superuser(
            DEV_ADMIN_USERNAME, email="admin@example.org", password=DEV_ADMIN_PASSWORD
        )
        ctx.created(f"superuser {DEV_ADMIN_USERNAME}")
    return True


def one_page_pdf(text: str) -> bytes:
    """A one-page PDF showing one line of ASCII ``text`` (with its cross-reference table,
    so every reader opens it)."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
