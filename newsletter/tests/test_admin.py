"""« Abonnés à l'infolettre »: Communications (and administrators) see the counts per
language and status, export the confirmed subscribers of one language (readable CSV) and
unsubscribe someone on request; every other role reaches nothing."""

import re

import pytest
from django.utils import timezone

from consortium.staff import roles
from newsletter import actions
from newsletter.models import Subscriber
from newsletter.tests.conftest import body
from tests.fixtures.roles import ALL_ROLES

pytestmark = pytest.mark.django_db

LISTING = "/admin/newsletter-subscribers/"
ROLES = ALL_ROLES
ALLOWED = {roles.COMMUNICATIONS_GROUP, "administrator"}


@pytest.fixture
def people(newsletter_page):
    """Two confirmed in French, one in English, one pending and one unsubscribed."""

    def make(email, language, status):
        return Subscriber.objects.create(
            email=email,
            name=email.split("@")[0].title(),
            language=language,
            status=status,
            requested_at=timezone.now(),
            confirmation_expires_at=timezone.now(),
            confirmed_at=timezone.now() if status != Subscriber.Status.PENDING else None,
        )

    return [
        make("ana@exemple.org", "fr", Subscriber.Status.CONFIRMED),
        make("boris@exemple.org", "fr", Subscriber.Status.CONFIRMED),
        make("carl@example.org", "en", Subscriber.Status.CONFIRMED),
        make("dora@exemple.org", "fr", Subscriber.Status.PENDING),
        make("emile@exemple.org", "fr", Subscriber.Status.UNSUBSCRIBED),
    ]


def export(client, language) -> str:
    response = client.get(LISTING, {"status": "confirmed", "language": language, "export": "csv"})
    assert response.status_code == 200
    return body(response).decode("utf-8-sig")


def test_counts_per_language_and_status_then_the_export_for_the_sending_tool(
    client, as_role, people
):
    as_role(roles.COMMUNICATIONS_GROUP)
    html = client.get(LISTING).content.decode()
    assert "Abonnés par langue" in html
    cells = re.sub(r"\s+", "", html)
    # French: 1 waiting for confirmation, 2 subscribed, 1 unsubscribed; English: 0, 1, 0.
    assert '<thscope="row">Français</th><td>1</td><td>2</td><td>1</td>' in cells
    assert '<thscope="row">Anglais</th><td>0</td><td>1</td><td>0</td>' in cells
    french = export(client, "fr")
    assert french.splitlines()[0] == "Adresse courriel,Nom,Langue,Confirmé le"
    assert "ana@exemple.org" in french and "boris@exemple.org" in french
    assert "carl@example.org" not in french  # English
    assert "dora@" not in french and "emile@" not in french  # pending, unsubscribed
    assert "carl@example.org" in export(client, "en")


def test_an_unsubscribe_leaves_the_export_at_once(client, as_role, people):
    as_role(roles.COMMUNICATIONS_GROUP)
    assert "ana@exemple.org" in export(client, "fr")
    actions.unsubscribe(people[0])
    assert "ana@exemple.org" not in export(client, "fr")


def test_staff_unsubscribe_someone_who_asked_by_phone(client, as_role, people):
    as_role(roles.COMMUNICATIONS_GROUP)
    inspect = client.get(f"{LISTING}inspect/{people[1].pk}/").content.decode()
    assert "Preuve du consentement" in inspect and "Désabonner cette adresse" in inspect
    response = client.post(f"{LISTING}unsubscribe/{people[1].pk}/")
    assert response.status_code == 302
    people[1].refresh_from_db()
    assert people[1].status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_url(client, as_role, people, role):
    as_role(role)
    target = people[0]
    urls = [
        LISTING,
        f"{LISTING}results/",
        f"{LISTING}?export=csv",
        f"{LISTING}inspect/{target.pk}/",
        "/admin/held-newsletter-requests/",
    ]
    for url in urls:
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        elif role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        else:
            assert response.status_code in (302, 403), url
            assert target.email.encode() not in body(response), url
    for url in (f"{LISTING}new/", f"{LISTING}edit/{target.pk}/", f"{LISTING}delete/{target.pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
    response = client.post(f"{LISTING}unsubscribe/{target.pk}/")
    target.refresh_from_db()
    assert (target.status == Subscriber.Status.UNSUBSCRIBED) is (role in ALLOWED)
