"""The service request form end to end: storage, routing, confirmation, messages, spam,
files, emails, the member's pre-filled form."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from consortium.models import HeldSubmission, OrganisationSettings
from members.models import Member, MemberContact, MemberSpacePage
from members.permissions import MEMBERS_GROUP
from members.register import sync_access
from services.models import ConsentRecord, Notification, ServiceRequest
from services.tests.conftest import LEGAL_TEAM
from tests.fixtures.files import MINIMAL_PDF, PNG_BYTES, pdf
from tests.fixtures.site import publish_translation

pytestmark = pytest.mark.django_db

URL = "/fr/demande-de-service/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_error(document, name) -> str:
    field = document.select_one(f'[name="{name}"]')
    assert field is not None, name
    container = field.find_parent(id=f"div_id_{name}") or field.find_parent("fieldset")
    return " ".join(e.get_text(" ", strip=True) for e in container.select(".invalid-feedback"))


@pytest.fixture
def general_address():
    contact = OrganisationSettings.load()
    contact.email = "info@consortium.example"
    contact.save()


def test_a_valid_request_is_stored_routed_and_confirmed(client, answers, service_page, post):
    response = post(answers, files=[pdf("appel-offres.pdf")])
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/demande-de-service/merci/?ref=")
    service_request = ServiceRequest.objects.get()
    year = service_request.submitted_at.astimezone().year
    assert re.fullmatch(rf"DS-{year}-0001", service_request.reference)
    assert list(service_request.expertise_fields.all()) == [service_page.fields[0]]
    assert service_request.status == "received" and service_request.member is None
    assert service_request.contact_phone.as_e164 == "+14185550142"
    assert service_request.attachments.get().original_name == "appel-offres.pdf"
    consent = ConsentRecord.objects.get(service_request=service_request)
    assert consent.policy_version == "2026-1" and consent.language == "fr"

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and service_request.reference in thanks.content.decode()
    assert "no-cache" in thanks["Cache-Control"] or "no-store" in thanks["Cache-Control"]
    assert ServiceRequest.objects.count() == 1

    # The acknowledgement in French; the field's team gets the admin link.
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"marie@leserables.example", LEGAL_TEAM}
    acknowledgement = by_recipient["marie@leserables.example"]
    assert service_request.reference in acknowledgement.subject
    assert "Nous avons bien reçu la demande de service" in acknowledgement.body
    assert "Services juridiques" in acknowledgement.body
    team = by_recipient[LEGAL_TEAM]
    assert f"/admin/service-requests/inspect/{service_request.pk}/" in team.body
    assert "n’est pas membre" in team.body
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_a_field_without_an_address_falls_back_to_the_general_address(
    answers, service_page, general_address, post
):
    legal, finance = service_page.fields
    answers["expertise_fields"] = [str(legal.pk), str(finance.pk)]
    assert post(answers).status_code == 302
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [LEGAL_TEAM, "info@consortium.example", "marie@leserables.example"]
    # Two fields of one team (or both falling back): one notification per address.
    answers["expertise_fields"] = [str(finance.pk)]
    mail.outbox.clear()
    assert post(answers).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "info@consortium.example",
        "marie@leserables.example",
    ]


def test_english_requesters_get_english_messages_and_email(client, answers, service_page, post):
    answers["expertise_fields"] = [str(service_page.english_fields[0].pk)]
    response = post(answers, url="/en/service-request/")
    assert response["Location"].startswith("/en/service-request/thanks/?ref=")
    acknowledgement = next(m for m in mail.outbox if m.to == ["marie@leserables.example"])
    assert acknowledgement.body.startswith("Hello Marie Tremblay,")
    assert "Legal services" in acknowledgement.body
    # The team reads French, whatever the requester's language.
    team = next(m for m in mail.outbox if m.to == [LEGAL_TEAM])
    assert "Une nouvelle demande de service" in team.body
    assert ServiceRequest.objects.get().language == "en"


def test_a_field_of_expertise_leads_to_the_form_with_that_field_chosen(client, service_page):
    from django.core.cache import cache

    cache.clear()
    field_page = client.get(service_page.fields[0].url)
    link = soup(field_page).select_one(".cta a.btn")
    assert link.get_text(strip=True) == "Demander ce service"
    assert link["href"] == "/fr/demande-de-service/?expertise=juridique"
    form = soup(client.get(link["href"]))
    chosen = form.select('input[name="expertise_fields"][checked]')
    assert [box["value"] for box in chosen] == [str(service_page.fields[0].pk)]
    english = soup(client.get(service_page.english_fields[0].url)).select_one(".cta a.btn")
    assert english["href"] == "/en/service-request/?expertise=legal"
    assert english.get_text(strip=True) == "Request this service"
    # An unknown or foreign slug chooses nothing (and is no error).
    for slug in ("inconnu", "legal", "x" * 400):
        page = soup(client.get(f"{URL}?expertise={slug}"))
        assert not page.select('input[name="expertise_fields"][checked]')


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("expertise_fields", [], "Choisissez au moins un champ d’expertise."),
        ("neq", "123", "Le NEQ compte exactement 10 chiffres"),
        ("need", "x" * 3001, "3000 caractères"),
        ("need", "", "Champ requis."),
        ("timeframe", "", "Champ requis."),
        ("region", "99", "Sélectionnez un choix valide."),
        ("contact_email", "marie@", "adresse de courriel valide"),
        ("contact_phone", "555", "numéro de téléphone valide"),
        ("consent", "", "Votre consentement est nécessaire pour traiter votre demande."),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_the_rest(
    answers, service_page, post, name, value, message
):
    answers[name] = value
    response = post(answers)
    assert response.status_code == 200
    document = soup(response)
    assert message in field_error(document, name)
    assert document.select_one("#error-summary") is not None
    kept = document.select_one('[name="organisation_name"]')["value"]
    assert kept == answers["organisation_name"]
    assert ServiceRequest.objects.count() == 0 and not mail.outbox


def test_the_neq_is_optional_and_normalised_when_given(answers, service_page, post):
    answers["neq"] = "1234 5678 90"
    assert post(answers).status_code == 302
    assert ServiceRequest.objects.get().neq == "1234567890"


def test_english_page_gives_english_messages(answers, service_page, post):
    answers.update(expertise_fields=[], consent="")
    document = soup(post(answers, url="/en/service-request/"))
    assert "Choose at least one field of expertise." in field_error(document, "expertise_fields")
    assert "Your consent is needed" in field_error(document, "consent")


def test_documents_get_the_membership_checks(answers, service_page, post):
    renamed = pdf("photo.pdf", content=PNG_BYTES)
    assert "n’est pas un document PDF" in field_error(
        soup(post(answers, files=[renamed])), "attachments"
    )
    four = [pdf(f"{n}.pdf") for n in range(4)]
    assert "au plus 3 fichiers" in field_error(soup(post(answers, files=four)), "attachments")
    assert ServiceRequest.objects.count() == 0


def test_the_honeypot_answers_robots_quietly_and_holds_what_was_sent(
    client, answers, service_page, post
):
    answers["nickname"] = "Buy cheap pills"
    response = post(answers, files=[pdf()])
    assert response["Location"] == "/fr/demande-de-service/merci/"
    assert client.get(response["Location"]).status_code == 200
    assert ServiceRequest.objects.count() == 0 and not mail.outbox
    held = HeldSubmission.objects.get()
    assert held.form == "service-request" and held.reason == HeldSubmission.Reason.HONEYPOT
    assert held.data["need"] == answers["need"]
    assert held.files == [{"name": "statuts.pdf", "size": len(MINIMAL_PDF)}]


def test_more_than_five_requests_an_hour_from_one_address_are_refused(answers, service_page, post):
    for number in range(5):
        answers["contact_name"] = f"Personne {number}"
        assert post(answers).status_code == 302
    answers["contact_name"] = "La sixième"
    response = post(answers)
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert soup(response).select_one('[name="contact_name"]')["value"] == "La sixième"
    assert ServiceRequest.objects.count() == 5
    held = HeldSubmission.objects.get()
    assert (
        held.reason == HeldSubmission.Reason.RATE_LIMIT
        and held.data["contact_name"] == "La sixième"
    )
    assert post(answers, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_a_mail_server_that_never_answers_loses_nothing(
    client, answers, service_page, post, settings, silent_smtp
):
    """A real socket that accepts and never speaks: the request is stored and confirmed,
    its emails wait in the outbox with the error, and go once the server is back."""
    port, accepted = silent_smtp
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    response = post(answers)
    assert response.status_code == 302 and accepted
    service_request = ServiceRequest.objects.get()
    rows = Notification.objects.filter(service_request=service_request)
    assert rows.count() == 2
    assert {(row.state, row.attempts) for row in rows} == {("pending", 1)}
    assert all("timed out" in row.last_error or "Timeout" in row.last_error for row in rows)
    assert service_request.reference in client.get(response["Location"]).content.decode()

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(rows.values_list("state", flat=True)) == {"sent"}
    assert len(mail.outbox) == 2


@pytest.fixture
def member_signed_in(client):
    """A member's principal contact, signed in."""
    member = Member.objects.create(
        name="Coopérative Membre",
        legal_form="consumer-coop",
        region="03",
        member_since="2026-01-01",
        status="active",
        neq="1165432109",
    )
    contact = MemberContact.objects.create(
        member=member,
        name="Luc Membre",
        email="luc@membre.example",
        phone="+14185550111",
        is_principal=True,
    )
    Group.objects.get_or_create(name=MEMBERS_GROUP)
    sync_access(member)
    contact.refresh_from_db()
    client.force_login(contact.user)
    return member


def test_a_signed_in_member_contact_finds_the_form_filled_and_the_request_linked(
    client, answers, service_page, post, member_signed_in
):
    member = member_signed_in
    document = soup(client.get(URL))
    assert document.select_one('[name="organisation_name"]')["value"] == "Coopérative Membre"
    assert document.select_one('[name="contact_email"]')["value"] == "luc@membre.example"
    assert document.select_one('[name="neq"]')["value"] == "1165432109"
    assert "Vous êtes connecté pour Coopérative Membre" in document.get_text(" ")
    assert "Pas encore membre?" not in document.get_text(" ")
    assert post(answers).status_code == 302
    assert ServiceRequest.objects.get().member == member
    team = next(m for m in mail.outbox if m.to == [LEGAL_TEAM])
    assert "L’organisation est membre." in team.body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_member_space_links_the_form_in_its_language(
    client, service_page, site_tree, member_signed_in, language
):
    space = MemberSpacePage(title="Espace membre", slug="espace-membre", intro="")
    site_tree.fr_home.add_child(instance=space)
    space.save_revision().publish()
    publish_translation(space, site_tree.locales["en"], title="Member area", slug="member-area")
    address = {"fr": "/fr/espace-membre/", "en": "/en/member-area/"}[language]
    page = {"fr": service_page, "en": service_page.english}[language]
    heading = soup(client.get(address)).find(id="offers-heading")
    assert (
        heading.get_text(strip=True)
        == {
            "fr": "Nos experts à votre service",
            "en": "Our experts at your service",
        }[language]
    )
    links = [(a.get_text(strip=True), a["href"]) for a in heading.parent.find_all("a")]
    assert links == [(page.title, page.url)]


def test_a_visitor_is_told_how_membership_works(client, service_page):
    text = soup(client.get(URL)).get_text(" ")
    assert "Pas encore membre?" in text and service_page.non_member_text in text


def test_thanks_page_without_a_valid_reference_shows_no_reference(client, service_page):
    page = client.get("/fr/demande-de-service/merci/?ref=DS-2026-0001")
    assert page.status_code == 200 and "DS-2026-0001" not in page.content.decode()


def test_tree_rules(service_page, site_tree):
    from services.models import ServiceRequestPage

    assert ServiceRequestPage.parent_page_types == ["home.HomePage"]
    assert ServiceRequestPage.subpage_types == []
    assert not ServiceRequestPage.can_create_at(site_tree.fr_home)  # one per home


def test_personal_fields_carry_autocomplete(client, service_page):
    document = soup(client.get(URL))
    assert document.select_one('[name="contact_email"]')["autocomplete"] == "email"
    assert document.select_one('[name="contact_name"]')["autocomplete"] == "name"
    assert document.select_one('[name="contact_phone"]')["autocomplete"] == "tel"
    assert document.select_one('[name="organisation_name"]')["autocomplete"] == "organization"
    assert document.select_one('select[name="timeframe"] option')["value"] == ""
