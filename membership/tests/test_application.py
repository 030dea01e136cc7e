"""The application form end to end: storage, confirmation, messages, spam, files, emails."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command

from consortium.models import HeldSubmission, OrganisationSettings
from membership.models import Attachment, ConsentRecord, MembershipApplication, Notification
from membership.tests.conftest import MINIMAL_PDF, PNG_BYTES, pdf

pytestmark = pytest.mark.django_db

URL = "/fr/adhesion/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST the form as a browser would; what the view defers to after its commit (the
    emails) runs as it would after a real commit (tests run in a rolled-back transaction)."""

    def submit(answers, url=URL, files=(), **extra):
        data = dict(answers)
        if files:
            data["attachments"] = list(files)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return submit


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_error(document, name) -> str:
    """The message shown next to a field (crispy-bootstrap5's invalid-feedback)."""
    field = document.select_one(f'[name="{name}"]')
    assert field is not None, name
    container = field.find_parent(id=f"div_id_{name}") or field.find_parent("fieldset")
    return " ".join(e.get_text(" ", strip=True) for e in container.select(".invalid-feedback"))


@pytest.fixture
def committee_address():
    contact = OrganisationSettings.load()
    contact.committee_email = "comite@consortium.example"
    contact.save()


def test_a_valid_application_is_stored_and_confirmed_with_its_reference(
    client, answers, membership, committee_address, post
):
    response = post(answers, files=[pdf()])
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/adhesion/merci/?ref=")
    application = MembershipApplication.objects.get()
    year = application.submitted_at.astimezone().year
    assert re.fullmatch(rf"ADH-{year}-0001", application.reference)
    assert (application.neq, application.postal_code) == ("1234567890", "G7H 1R9")
    assert application.contact_phone.as_e164 == "+14185550142"
    assert list(application.fields_of_interest.all()) == [membership.fields[0]]
    assert application.language == "fr" and not application.possible_duplicate
    consent = ConsentRecord.objects.get(application=application)
    assert consent.policy_version == "2026-1" and consent.language == "fr"
    assert consent.given_at is not None and consent.newsletter is False

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert application.reference in thanks.content.decode()
    assert "no-cache" in thanks["Cache-Control"] or "no-store" in thanks["Cache-Control"]
    # Refreshing the confirmation shows it again and submits nothing.
    assert application.reference in client.get(response["Location"]).content.decode()
    assert MembershipApplication.objects.count() == 1

    # The emails went out after the commit: the acknowledgement in French, the committee's.
    assert {message.to[0] for message in mail.outbox} == {
        "marie@leserables.example",
        "comite@consortium.example",
    }
    acknowledgement = next(m for m in mail.outbox if m.to == ["marie@leserables.example"])
    assert application.reference in acknowledgement.subject
    assert "Nous avons bien reçu" in acknowledgement.body
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_english_applicants_get_english_messages_and_email(client, answers, membership, post):
    answers["fields_of_interest"] = [str(membership.fields[1].pk)]
    answers["category"] = "Membre utilisateur"
    response = post(answers, url="/en/membership/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/membership/thanks/?ref=")
    assert mail.outbox[0].body.startswith("Hello Marie Tremblay,")
    application = MembershipApplication.objects.get()
    assert application.language == "en"
    assert application.consent.language == "en"


def test_form_offers_fields_of_expertise_of_the_visitors_language(client, membership):
    french = soup(client.get(URL))
    labels = [
        label.get_text(strip=True) for label in french.select("#div_id_fields_of_interest label")
    ]
    assert "Services juridiques" in labels and "Legal services" not in labels
    english = soup(client.get("/en/membership/"))
    labels = [
        label.get_text(strip=True) for label in english.select("#div_id_fields_of_interest label")
    ]
    assert "Legal services" in labels and "Services juridiques" not in labels
    # In the order a French reader expects: accents set aside.
    from expertise.factories import ExpertisePageFactory

    index = membership.fields[0].get_parent()
    for title in ("Données et statistiques", "Démarrage et consolidation", "Économie sociale"):
        ExpertisePageFactory(parent=index, title=title, live=False).save_revision().publish()
    french = soup(client.get(URL))
    labels = [
        label.get_text(strip=True) for label in french.select("#div_id_fields_of_interest label")
    ]
    assert labels == [
        "Démarrage et consolidation",
        "Données et statistiques",
        "Économie sociale",
        "Services juridiques",
    ]
    # The form and the page are never cached: they carry a CSRF token.
    assert "no-cache" in client.get(URL)["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("neq", "12345", "exactement 10 chiffres"),
        ("postal_code", "D1A 1A1", "code postal canadien"),
        ("contact_phone", "123", "numéro de téléphone valide"),
        ("contact_email", "marie@", "adresse de courriel valide"),
        ("website", "pas une adresse", "URL valide"),
        ("member_count", "-1", "supérieure ou égale à 0"),
        ("employee_count", "beaucoup", "nombre entier"),
        ("region", "18", "choix valide"),
        ("organisation_name", "", "requis"),
        ("consent", "", "Votre consentement est nécessaire"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_the_rest(
    client, answers, membership, field, value, message, post
):
    answers[field] = value
    if not value:
        del answers[field]
    response = post(answers)
    assert response.status_code == 200
    document = soup(response)
    assert message in field_error(document, field)
    # The error summary lists it and links to the field.
    summary = document.select_one("#error-summary")
    assert summary is not None and f'href="#id_{field}' in str(summary)
    # « label : message », never « …la demande. : … » after a label that is a sentence.
    assert ". :" not in summary.get_text() and ". :" not in summary.get_text()
    # Everything else typed is still there.
    assert document.select_one('[name="organisation_name"]').get("value", "") == (
        answers.get("organisation_name", "")
    )
    assert document.select_one('[name="city"]')["value"] == "Chicoutimi"
    # (A browser drops the newline that opens a textarea.)
    assert (
        document.select_one('textarea[name="message"]').get_text().lstrip("\n")
        == (answers["message"])
    )
    assert document.select_one('[name="region"] option[selected]') is not None or field == "region"
    assert MembershipApplication.objects.count() == 0


def test_english_page_gives_english_messages(client, answers, membership, post):
    answers["neq"] = "abc"
    response = post(answers, url="/en/membership/")
    assert "exactly 10 digits" in field_error(soup(response), "neq")


def test_a_renamed_non_pdf_is_refused_and_nothing_is_stored(client, answers, membership, post):
    photo = pdf(name="statuts.pdf", content=PNG_BYTES, content_type="application/pdf")
    response = post(answers, files=[photo])
    assert response.status_code == 200
    assert "« statuts.pdf » n’est pas un document PDF" in field_error(soup(response), "attachments")
    assert "sélectionnez de nouveau vos documents" in response.content.decode()
    assert MembershipApplication.objects.count() == Attachment.objects.count() == 0


def test_an_oversized_file_is_refused(client, answers, membership, post):
    big = pdf(content=MINIMAL_PDF + b"0" * (10 * 1024 * 1024))
    response = post(answers, files=[big])
    assert response.status_code == 200
    assert "dépasse 10 Mo" in field_error(soup(response), "attachments")
    assert MembershipApplication.objects.count() == 0


def test_more_than_three_files_are_refused(client, answers, membership, post):
    response = post(answers, files=[pdf(name=f"{n}.pdf") for n in range(4)])
    assert "au plus 3 fichiers" in field_error(soup(response), "attachments")


def test_the_honeypot_answers_robots_quietly_and_holds_what_was_sent(
    client, answers, membership, post
):
    answers["nickname"] = "Buy cheap pills"
    response = post(answers, files=[pdf()])
    assert response.status_code == 302
    assert response["Location"] == "/fr/adhesion/merci/"
    assert client.get(response["Location"]).status_code == 200
    assert MembershipApplication.objects.count() == 0 and not mail.outbox
    # Not dropped in silence: held, with every field typed, for the committee to review.
    held = HeldSubmission.objects.get()
    assert held.form == "membership" and held.reason == HeldSubmission.Reason.HONEYPOT
    assert held.data["organisation_name"] == answers["organisation_name"]
    assert held.data["contact_email"] == answers["contact_email"]
    assert "csrfmiddlewaretoken" not in held.data
    assert held.files == [{"name": "statuts.pdf", "size": len(MINIMAL_PDF)}]


def test_more_than_five_applications_an_hour_from_one_address_are_refused(
    client, answers, membership, post
):
    for number in range(5):
        answers["neq"] = f"{number:010d}"
        assert post(answers).status_code == 302
    answers["neq"] = "9999999999"
    response = post(answers)
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert soup(response).select_one('[name="neq"]')["value"] == "9999999999"
    assert MembershipApplication.objects.count() == 5
    held = HeldSubmission.objects.get()
    assert held.reason == HeldSubmission.Reason.RATE_LIMIT and held.data["neq"] == "9999999999"
    # Another address is not affected.
    assert post(answers, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_behind_the_load_balancer_the_limit_is_per_real_client(answers, membership, post, settings):
    """The balancer (FORWARDED_ALLOW_IPS) is every request's peer; the limit counts the
    right-most untrusted address of X-Forwarded-For, which a client cannot forge."""
    settings.FORWARDED_ALLOW_IPS = "10.0.0.0/8"
    settings.MEMBERSHIP_RATE_LIMIT = "2/h"

    def through_balancer(number, chain):
        answers["neq"] = f"{number:010d}"
        return post(answers, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain).status_code

    # One client, whatever it writes at the left of the header itself.
    assert through_balancer(1, "198.51.100.1") == 302
    assert through_balancer(2, "1.2.3.4, 198.51.100.1") == 302
    assert through_balancer(3, "5.6.7.8, 198.51.100.1") == 429
    # Other co-ops behind the same balancer are not affected.
    assert [through_balancer(10 + n, f"203.0.113.{n}") for n in range(6)] == [302] * 6
    # A client connecting directly cannot choose its address with the header.
    answers["neq"] = "7777777777"
    direct = {"REMOTE_ADDR": "192.0.2.50", "HTTP_X_FORWARDED_FOR": "203.0.113.200"}
    assert [post(answers, **direct).status_code for _ in range(3)] == [302, 302, 429]


def test_a_second_open_application_with_the_same_neq_or_email_is_flagged(
    client, answers, membership, post
):
    post(answers)
    answers["contact_email"] = "autre@leserables.example"
    post(answers)  # same NEQ
    answers["neq"] = "9876543210"
    answers["contact_email"] = "MARIE@leserables.example"
    post(answers)  # same email, other case
    answers["neq"], answers["contact_email"] = "1111111111", "nouvelle@example.org"
    post(answers)
    flags = list(
        MembershipApplication.objects.order_by("reference").values_list(
            "possible_duplicate", flat=True
        )
    )
    assert flags == [False, True, True, False]


def test_attachments_are_private_with_unguessable_names(client, answers, membership, post):
    post(answers, files=[pdf(name="statuts.pdf"), pdf(name="bilan.pdf")])
    attachments = list(Attachment.objects.order_by("original_name"))
    assert [a.original_name for a in attachments] == ["bilan.pdf", "statuts.pdf"]
    for attachment in attachments:
        path = Path(attachment.file.path)
        assert path.read_bytes() == MINIMAL_PDF
        assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
        assert Path(settings.MEDIA_ROOT) not in path.parents
        assert re.fullmatch(r"[0-9a-f]{32}\.pdf", path.name)
        assert "statuts" not in attachment.file.name and "bilan" not in attachment.file.name


def test_attachments_are_served_to_the_committee_only(
    client, admin_client, django_user_model, answers, membership, post
):
    post(answers, files=[pdf(name="statuts.pdf")])
    url = f"/membership/attachments/{Attachment.objects.get().token}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
    editor = django_user_model.objects.create_user("redaction", password="x")
    client.force_login(editor)
    assert client.get(url).status_code == 403
    reviewer = django_user_model.objects.create_user("comite", password="x")
    reviewer.user_permissions.add(Permission.objects.get(codename="view_membershipapplication"))
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    # Under the reference, never the name the applicant's computer gave it.
    reference = Attachment.objects.get().application.reference
    assert f'attachment; filename="{reference}-1.pdf"' in response["Content-Disposition"]
    assert admin_client.get(url).status_code == 200
    unknown = "/membership/attachments/00000000-0000-0000-0000-000000000000/"
    assert client.get(unknown, follow=True).status_code == 404


class FailingEmailBackend:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def test_a_failing_mail_server_loses_nothing_and_the_email_is_retried(
    client, answers, membership, settings, post
):
    settings.EMAIL_DELIVERY_BACKEND = "membership.tests.test_application.FailingEmailBackend"
    response = post(answers)
    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    notification = Notification.objects.get(application=application)
    assert notification.state == "pending" and notification.attempts == 1
    assert "SMTP server unreachable" in notification.last_error
    assert application.reference in client.get(response["Location"]).content.decode()

    # The server comes back: the cron command sends it, once.
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notification.refresh_from_db()
    assert notification.state == "sent" and notification.attempts == 2
    assert len(mail.outbox) == 1 and application.reference in mail.outbox[0].subject


def test_thanks_page_without_a_valid_reference_shows_no_reference(client, membership):
    for query in ("", "?ref=forged", "?ref=ADH-2026-0001"):
        response = client.get(f"/fr/adhesion/merci/{query}")
        assert response.status_code == 200
        assert "ADH-" not in soup(response).main.get_text()


def test_tree_rules(site_tree, membership):
    from home.models import HomePage
    from membership.models import MembershipPage

    assert MembershipPage.allowed_parent_page_models() == [HomePage]
    assert MembershipPage.allowed_subpage_models() == []
    site_tree.fr_home.refresh_from_db()
    assert not MembershipPage.can_create_at(site_tree.fr_home)


def test_page_shows_its_categories_and_content_in_both_languages(client, membership):
    french = soup(client.get(URL))
    assert [dt.get_text() for dt in french.select("dl.categories dt")] == [
        "Membre utilisateur",
        "Membre de soutien",
        "Membre auxiliaire",
    ]
    radios = [i["value"] for i in french.select('input[name="category"]')]
    assert radios == ["Membre utilisateur", "Membre de soutien", "Membre auxiliaire"]
    consent = french.select_one('label[for="id_consent"] a')
    assert consent["href"] == "/fr/confidentialite/"
    english = soup(client.get("/en/membership/"))
    assert english.html["lang"] == "en"
    assert english.select_one('label[for="id_consent"] a')["href"] == "/en/privacy/"
    assert english.select_one('input[type="submit"]')["value"] == "Send my application"


def test_lists_open_on_an_empty_choice_and_the_form_refuses_to_pass_without_one(
    client, answers, membership, post
):
    document = soup(client.get("/fr/adhesion/"))
    for name in ("legal_form", "sector", "region"):
        select = document.select_one(f'select[name="{name}"]')
        first = select.select_one("option")
        assert first["value"] == "" and first.get_text() == "Choisissez…", name
        chosen = [option["value"] for option in select.select("option[selected]")]
        assert select.has_attr("required") and chosen in ([], [""]), name
    del answers["sector"]
    response = post(answers)
    assert response.status_code == 200
    assert "requis" in field_error(soup(response), "sector")
    assert MembershipApplication.objects.count() == 0


def test_personal_fields_carry_autocomplete_and_input_mode(client, membership):
    document = soup(client.get("/fr/adhesion/"))
    expected = {
        "organisation_name": ("organization", "text"),
        "street_address": ("address-line1", "text"),
        "postal_code": ("postal-code", "text"),
        "city": ("address-level2", "text"),
        "contact_name": ("name", "text"),
        "contact_email": ("email", "email"),
        "contact_phone": ("tel", "tel"),
    }
    for name, (token, mode) in expected.items():
        field = document.select_one(f'[name="{name}"]')
        assert (field.get("autocomplete"), field.get("inputmode")) == (token, mode), name


def test_invalid_posts_count_against_the_limit_and_past_it_nothing_is_opened(
    answers, membership, post, settings
):
    """Every post counts, valid or not (a robot sending broken forms with heavy files is
    limited as a person is); past the limit the post is held without being validated, so
    that a hostile PDF it carries is never opened (issue #32)."""
    settings.MEMBERSHIP_RATE_LIMIT = "3/h"
    broken = {**answers, "neq": "12"}
    for _ in range(3):
        response = post(broken)
        assert response.status_code == 200 and "NEQ" in response.content.decode()
    # 100,000 pages: validation would refuse it with its own message; it is never read.
    from tests.test_hostile_pdfs import pages

    response = post({**answers, "attachments": pdf(content=pages(100_000))})
    page = response.content.decode()
    assert response.status_code == 429 and "Trop de demandes" in page
    assert "pages" not in soup(response).select_one(".error-summary, [role=alert]").get_text()
    assert (
        soup(response).select_one('[name="organisation_name"]')["value"]
        == (answers["organisation_name"])
    )
    held = HeldSubmission.objects.get()
    assert held.reason == HeldSubmission.Reason.RATE_LIMIT
    assert held.files[0]["size"] > 9_000_000
    assert MembershipApplication.objects.count() == 0


def test_twenty_honeypot_posts_of_two_megabytes_are_bounded(answers, membership, post):
    """What the anti-spam rules keep of one sender is bounded (issue #32): five
    submissions a day, each at most MAX_KEPT_CHARS; the rest is counted, and shown."""
    from consortium.intake.held import MAX_KEPT_CHARS

    heavy = {**answers, "nickname": "robot", "message": "x" * 2_000_000}
    for _ in range(20):
        assert post(heavy).status_code == 302  # a robot is told it went through
    kept = HeldSubmission.objects.filter(form="membership").order_by("received_at", "pk")
    assert kept.count() == 5
    for row in kept:
        assert sum(len(str(value)) for value in row.data.values()) <= MAX_KEPT_CHARS
        assert row.omitted_chars >= 2_000_000 - MAX_KEPT_CHARS
        assert row.data["organisation_name"] == answers["organisation_name"]
    assert [row.repeats for row in kept] == [0, 0, 0, 0, 15]
    # The address is not stored, only its keyed digest; another sender is kept apart.
    assert kept[0].sender and "127.0.0.1" not in str(kept[0].data)
    post(heavy, REMOTE_ADDR="192.0.2.9")
    assert HeldSubmission.objects.count() == 6


def test_the_note_under_the_consent_boxes_does_not_deny_them(client, membership):
    """The newsletter and directory boxes use the information too: the note says so."""
    text = " ".join(soup(client.get(URL)).select_one("form").get_text(" ").split())
    assert "uniquement à l’étude" not in text
    assert "l’infolettre et le répertoire des membres ne s’en servent que si vous cochez" in text
