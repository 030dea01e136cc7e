"""The demo's assemblies and the draft of the minutes generated from the past one
(issue #34): a newcomer signs in as the demo's active member and finds the next assembly
with its roll and three votes, and last year's results."""

import pytest
from django.contrib.auth.models import Group

from assembly import minutes
from assembly.models import Assembly
from assembly.permissions import CHAIR_GROUP
from members.demo import EXAMPLE_CONTACT
from members.models import MemberContact
from tests.two_factor import Client

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_next_assembly_and_last_years_results(demo):
    upcoming, past = Assembly.objects.order_by("-event__start")
    assert [m.title for m in upcoming.motions.all()] == [
        "Adoption du rapport annuel 2024-2025",
        "Élection de trois administratrices ou administrateurs",
        "Modification du règlement de régie interne (article 12)",
    ]
    election = upcoming.motions.get(number=2)
    assert election.secret and election.seats == 3 and election.candidates.count() == 4
    assert upcoming.motions.get(number=3).majority == "two-thirds"
    contact = MemberContact.objects.get(email=EXAMPLE_CONTACT)
    assert upcoming.roll.filter(member=contact.member).exists()
    assert all(motion.results for motion in past.motions.all())

    client = Client()
    client.force_login(contact.user)
    html = client.get("/fr/espace-membre/assemblee/").content.decode()
    assert "Je suis présent·e" in html
    assert "Résultats de l’assemblée précédente" in html and "Adoptée." in html


def test_the_draft_minutes_of_the_past_assembly_say_who_was_there_and_what_was_decided(
    demo, django_user_model
):
    past = Assembly.objects.order_by("event__start").first()
    text = minutes.draft(past).as_text()
    assert text.startswith("PROJET DE PROCÈS-VERBAL — Assemblée générale annuelle 2025")
    assert "Quorum requis" in text and "atteint." in text
    assert "représenté par Camille Exemple" in text
    assert "Point 1 — Adoption du rapport annuel 2024-2025" in text
    assert "Résultat : Adoptée." in text
    assert "Scrutin secret." in text and "Élu·e·s :" in text
    assert "Adoptée aux deux tiers des voix exprimées." in text

    chair = django_user_model.objects.create_user("secretaire", password="x")
    chair.groups.add(Group.objects.get(name=CHAIR_GROUP))
    client = Client()
    client.force_login(chair)
    page = client.get(f"/admin/assembly/{past.pk}/minutes/")
    assert page.status_code == 200 and "PROJET DE PROCÈS-VERBAL" in page.content.decode()
    download = client.get(f"/admin/assembly/{past.pk}/minutes/?download")
    assert download["Content-Disposition"] == (
        'attachment; filename="projet-de-proces-verbal-2025-06-12.txt"'
    )
    assert download.content.decode() == text
