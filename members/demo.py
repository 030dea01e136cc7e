"""Demo content of the members app: « Espace membre » in French and English, and two
example members (one active, one pending its payment)."""

import datetime
from decimal import Decimal

from django.conf import settings

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from . import register
from .models import Member, MemberCategory, MemberContact, MemberSpacePage, MovementKind

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
            shares=category.qualifying_shares or 0,
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
