"""Demo content of the membership app: « Devenir membre », « Nos membres » and « Espace
membre » in French and English, and two example members (one active, one pending)."""

import datetime
from decimal import Decimal

from django.conf import settings

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from . import register
from .models import (
    Member,
    MemberCategory,
    MemberContact,
    MemberDirectoryPage,
    MembershipPage,
    MemberSpacePage,
    MovementKind,
)

PAGE = {
    "title": ("Devenir membre", "Become a member"),
    "slug": ("adhesion", "membership"),
    "intro": (
        "Coopératives, mutuelles, OBNL et leurs regroupements deviennent membres du Consortium "
        "pour avoir accès, au juste coût, à une cinquantaine de professionnels.",
        "Cooperatives, mutuals, non-profits and their networks become members of the "
        "Consortium to reach some fifty professionals, at cost.",
    ),
    "form_intro": (
        "Remplissez ce formulaire : le comité d’adhésion étudie chaque demande et vous répond "
        "par courriel.",
        "Fill in this form: the membership committee reviews every application and answers "
        "by email.",
    ),
    "thanks_text": (
        "Le comité d’adhésion étudie votre demande et vous écrira s’il a besoin d’un complément "
        "d’information, puis pour vous faire part de sa décision.",
        "The membership committee is reviewing your application and will write to you if it "
        "needs more information, then to tell you its decision.",
    ),
}

CATEGORIES = [
    (
        ("Membre utilisateur", "User member"),
        (
            "Une entreprise collective ou un regroupement qui fait appel aux services des "
            "experts du Consortium.",
            "A collective enterprise or network that calls on the Consortium’s experts.",
        ),
    ),
    (
        ("Membre de soutien", "Supporting member"),
        (
            "Une organisation qui partage la mission du Consortium et l’appuie, sans "
            "nécessairement utiliser ses services.",
            "An organisation that shares the Consortium’s mission and supports it, without "
            "necessarily using its services.",
        ),
    ),
    (
        ("Membre auxiliaire", "Auxiliary member"),
        (
            "Une organisation qui fait appel aux services de façon ponctuelle, selon les "
            "conditions fixées par le conseil d’administration.",
            "An organisation that uses the services from time to time, on the terms set by "
            "the board of directors.",
        ),
    ),
]

BODY = [
    ("heading", "Les avantages", "The benefits"),
    (
        "paragraph",
        "Un accès à des experts dans une vingtaine de champs, des services juridiques aux "
        "technologies de l’information, qui connaissent les entreprises collectives ; une voix "
        "à l’assemblée générale d’une coopérative qui appartient à ses membres.",
        "Access to experts in some twenty fields, from legal services to information "
        "technology, who know collective enterprises; a voice at the general assembly of a "
        "cooperative owned by its members.",
    ),
    ("heading", "Le juste coût", "At cost"),
    (
        "paragraph",
        "Le Consortium ne cherche pas de profit : chaque membre paie ce que coûtent les "
        "services qu’il reçoit, ni plus ni moins.",
        "The Consortium seeks no profit: each member pays what the services it receives "
        "cost, no more and no less.",
    ),
    ("heading", "Les conditions", "Conditions"),
    (
        "paragraph",
        "Être une entreprise collective (coopérative, mutuelle, OBNL) ou un regroupement "
        "d’entreprises collectives actif au Québec, souscrire la part sociale prévue par le "
        "règlement et respecter les règles de la coopérative.",
        "Be a collective enterprise (cooperative, mutual, non-profit) or a network of "
        "collective enterprises active in Québec, subscribe the share set by the by-laws and "
        "follow the cooperative’s rules.",
    ),
]


@demo_step(500)
def build(ctx: DemoContext):
    strings = {PAGE[name][0]: PAGE[name][1] for name in PAGE}
    for name, description in CATEGORIES:
        strings.update([name, description])
    strings.update({fr: en for _kind, fr, en in BODY})
    ctx.pages["membership"] = ensure_translated_page(
        ctx,
        ctx.pages["home"],
        MembershipPage,
        PAGE,
        strings,
        categories=[
            ("category", {"name": name[0], "description": description[0]})
            for name, description in CATEGORIES
        ],
        body=[(kind, fr if kind == "heading" else f"<p>{fr}</p>") for kind, fr, _en in BODY],
        form_intro=PAGE["form_intro"][0],
        thanks_text=PAGE["thanks_text"][0],
    )


DIRECTORY = {
    "title": ("Nos membres", "Our members"),
    "slug": ("membres", "members"),
    "intro": (
        "Les coopératives, mutuelles et OBNL membres du Consortium qui ont accepté de "
        "figurer dans ce répertoire.",
        "The Consortium’s member cooperatives, mutuals and non-profits that agreed to "
        "appear in this directory.",
    ),
}


@demo_step(510)
def build_directory(ctx: DemoContext):
    """« Nos membres » (/fr/membres/, /en/members/): filled by the committee's approvals."""
    ctx.pages["members"] = ensure_translated_page(
        ctx, ctx.pages["home"], MemberDirectoryPage, DIRECTORY
    )


SPACE = {
    "title": ("Espace membre", "Member area"),
    "slug": ("espace-membre", "member-area"),
    "intro": (
        "Les personnes-ressources des organisations membres y consultent le dossier de leur "
        "organisation, ses parts sociales, et tiennent à jour ses coordonnées.",
        "The contacts of member organisations see their organisation’s record and shares "
        "there, and keep its details up to date.",
    ),
}


@demo_step(520)
def build_member_space(ctx: DemoContext):
    """« Espace membre » (/fr/espace-membre/, /en/member-area/)."""
    ctx.pages["member_space"] = ensure_translated_page(
        ctx, ctx.pages["home"], MemberSpacePage, SPACE
    )


# Example figures for the demo only (the by-laws' real ones are typed by staff): one
# qualifying share of 10 $ for a user member.
EXAMPLE_SHARES = {"Membre utilisateur": (1, Decimal("10.00"))}
EXAMPLE_CONTACT = "membre@example.org"
EXAMPLE_MEMBERS = [
    # name, contact, email, paid
    ("Coopérative Exemple du Bas-du-Fleuve (exemple)", "Camille Exemple", EXAMPLE_CONTACT, True),
    ("OBNL Exemple en attente (exemple)", "Dominique Exemple", "en-attente@example.org", False),
]


@demo_step(530)
def build_example_members(ctx: DemoContext):
    """Two example members: one active (shares paid, listed), one pending its payment."""
    for name, (shares, price) in EXAMPLE_SHARES.items():
        updated = MemberCategory.objects.filter(name=name, qualifying_shares__isnull=True).update(
            qualifying_shares=shares, share_price=price
        )
        if updated:
            ctx.created(f"example qualifying shares for « {name} » (demo figures)")
    category = MemberCategory.objects.filter(name="Membre utilisateur").first()
    if category is None:
        return  # staff renamed it: no example members
    for name, person, email, paid in EXAMPLE_MEMBERS:
        if Member.objects.filter(name=name).exists():
            continue
        member = Member.objects.create(
            name=name,
            legal_form="consumer-coop" if paid else "non-profit",
            region="01" if paid else "03",
            street_address="1, rue de l’Exemple",
            city="Rimouski" if paid else "Québec",
            postal_code="G5L 1A1" if paid else "G1K 1A1",
            website="https://exemple.example.org",
            category=category,
            member_since=datetime.date(2026, 9, 15),
            status_date=datetime.date(2026, 9, 15),
            admission_resolution="CA-2026-09-03",
            directory_consent=True,
        )
        MemberContact.objects.create(
            member=member, name=person, role="Direction générale", email=email, is_principal=True
        )
        register.record_movement(
            member,
            MovementKind.SUBSCRIPTION,
            shares=category.qualifying_shares,
            amount=category.qualifying_amount,
            date=datetime.date(2026, 9, 15),
            note=register.admission_note(),
        )
        if paid:
            register.record_movement(
                member,
                MovementKind.PAYMENT,
                amount=category.qualifying_amount,
                date=datetime.date(2026, 10, 1),
            )
        register.sync_access(member)
        ctx.created(f"example member « {name} »")
    if settings.DEBUG and "member_space" in ctx.pages:
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + ctx.pages["member_space"].url
        ctx.notes.append(
            f"Member space: {url} — enter « {EXAMPLE_CONTACT} »; the sign-in link is printed "
            "in this console (DEBUG only)"
        )
