"""The member space (SPEC §9): the sign-in link (single use, expiry, tampering, an unknown
email with the same answer and the same work, a prefetch that does not consume it), the
record and its updates (the directory follows at once), a correction asked of staff, the
session's end, and member-only pages."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry, PageViewRestriction

from consortium.models import OrganisationSettings
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Kind
from home.factories import StandardPageFactory
from members import register
from members.factories import MemberFactory
from members.models import MemberContact, MemberEmail
from members.permissions import MEMBERS_GROUP
from membership.factories import MemberDirectoryPageFactory
from membership.tests.conftest import MINIMAL_PDF as PDF
from tests.fixtures.site import publish_member_space, publish_translation

pytestmark = pytest.mark.django_db

SPACE = "/fr/espace-membre/"
EMAIL = "membre@alpha.example"
LINK = re.compile(r"https?://\S+/connexion/(\S+)/")


@pytest.fixture
def space(site_tree):
    page = publish_member_space(site_tree)
    directory = MemberDirectoryPageFactory(parent=site_tree.fr_home)
    publish_translation(directory, site_tree.locales["en"], title="Our members", slug="members")
    Group.objects.get_or_create(name=MEMBERS_GROUP)
    return page


@pytest.fixture
def member(space):
    member = MemberFactory(name="Coopérative Alpha", status="active", neq="1234567890")
    MemberContact.objects.create(member=member, name="Alex Alpha", email=EMAIL, is_principal=True)
    register.sync_access(member)
    return member


@pytest.fixture
def ask_link(django_capture_on_commit_callbacks):
    """Ask for a link as the form does; the email goes out once the request commits."""

    def ask(client, email=EMAIL, language="fr"):
        mail.outbox.clear()
        url = SPACE if language == "fr" else "/en/member-area/"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"email": email})

    return ask


def token_from_email() -> str:
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    return LINK.search(message.body).group(1)


def test_a_contact_signs_in_with_the_link_once(client, member, ask_link):
    response = ask_link(client)
    assert response.status_code == 302 and response["Location"].endswith("/lien-envoye/")
    token = token_from_email()
    sign_in = f"{SPACE}connexion/{token}/"
    # A mail scanner fetching the link spends nothing; the page asks for a button press.
    for _ in range(2):
        prefetched = client.get(sign_in)
        assert prefetched.status_code == 200 and "Se connecter" in prefetched.content.decode()
        assert "no-cache" in prefetched["Cache-Control"]
        assert prefetched["Referrer-Policy"] == "same-origin"
    signed = client.post(sign_in)
    assert signed.status_code == 302
    home = client.get(SPACE)
    content = home.content.decode()
    assert "Coopérative Alpha" in content and "Alex Alpha" in content
    assert "private" in home["Cache-Control"] or "no-cache" in home["Cache-Control"]
    assert client.session.get_expiry_age() == 30 * 60
    # Used once: the same link no longer signs anybody in.
    client.post(f"{SPACE}deconnexion/")
    again = client.post(sign_in)
    assert again.status_code == 410
    assert "Coopérative Alpha" not in client.get(SPACE).content.decode()


def test_a_tampered_or_expired_link_is_refused(client, member, ask_link):
    ask_link(client)
    token = token_from_email()
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert client.post(f"{SPACE}connexion/{tampered}/").status_code == 410
    with override_settings(SESAME_MAX_AGE=1):
        ask_link(client)
        token = token_from_email()
        time.sleep(2.1)
        assert client.post(f"{SPACE}connexion/{token}/").status_code == 410


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_an_unknown_email_gets_the_same_answer_after_the_same_work(client, member, ask_link):
    """The request enqueues the same task for any address (the worker decides whether an
    email goes out): the same response, the same queries, no email in the request."""

    def ask(email):
        with CaptureQueriesContext(connection) as queries:
            response = ask_link(client, email)
        return response, len(queries)

    from django_tasks_db.models import DBTaskResult

    ask("premiere@demande.example")  # the connection's rate-limit counter now exists
    known, known_queries = ask(EMAIL)
    unknown, unknown_queries = ask("personne@inconnu.example")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_queries == unknown_queries
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="request_sign_in").count() == 3


def test_the_sign_in_form_explains_a_bad_address_in_the_visitors_language(client, member):
    french = client.post(SPACE, {"email": "pas-une-adresse"})
    assert french.status_code == 200
    assert "Saisissez une adresse" in french.content.decode()
    assert 'value="pas-une-adresse"' in french.content.decode()
    english = client.post("/en/member-area/", {"email": "nope"})
    assert "Enter a valid email address" in english.content.decode()


@pytest.fixture
def signed_in(client, member, ask_link):
    ask_link(client)
    client.post(f"{SPACE}connexion/{token_from_email()}/")
    return client


def update_data(member, **changes):
    data = {
        "member-street_address": "2, rue Neuve",
        "member-city": "Rimouski",
        "member-postal_code": "g5l1a1",
        "member-website": "alpha.example",
        "member-directory_consent": "on",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "1",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
    }
    contact = member.contacts.get()
    data.update(
        {
            "contacts-0-id": str(contact.pk),
            "contacts-0-name": "Alex Alpha",
            "contacts-0-email": EMAIL,
            "contacts-0-is_principal": "on",
            "contacts-1-name": "Bea Bêta",
            "contacts-1-email": "bea@alpha.example",
            "contacts-1-role": "Trésorière",
        }
    )
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_contact_updates_the_record_and_the_directory_follows(signed_in, member):
    assert "Coopérative Alpha" in signed_in.get("/fr/membres/").content.decode()
    response = signed_in.post(
        f"{SPACE}modifier/", update_data(member, **{"member-directory_consent": None})
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.street_address, member.postal_code, member.website) == (
        "2, rue Neuve",
        "G5L 1A1",
        "https://alpha.example",
    )
    assert not member.directory_consent
    assert "Coopérative Alpha" not in signed_in.get("/fr/membres/").content.decode()
    assert sorted(member.contacts.values_list("email", flat=True)) == [
        "bea@alpha.example",
        EMAIL,
    ]
    # The new contact has an account of the member space, in the members' group.
    bea = member.contacts.get(email="bea@alpha.example")
    assert bea.user.groups.filter(name=MEMBERS_GROUP).exists()
    changes = ModelLogEntry.objects.for_instance(member).filter(action=register.CHANGED).last()
    assert {change["field"] for change in changes.data["changes"]} >= {
        "street_address",
        "directory_consent",
        "contacts",
    }
    assert "Vos modifications sont enregistrées." in signed_in.get(SPACE).content.decode()


def test_exactly_one_principal_and_nothing_lost_on_an_error(signed_in, member):
    response = signed_in.post(
        f"{SPACE}modifier/", update_data(member, **{"contacts-1-is_principal": "on"})
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "exactement une personne-ressource principale" in content
    assert "Bea Bêta" in content and "2, rue Neuve" in content  # what was typed stays
    assert member.contacts.count() == 1


def test_a_correction_reaches_staff(signed_in, member, django_capture_on_commit_callbacks):
    settings_ = OrganisationSettings.load()
    settings_.committee_email = "comite@consortium.example"
    settings_.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            f"{SPACE}correction/",
            {"field": "name", "requested": "Coopérative Alpha inc.", "reason": "Nouveaux statuts"},
        )
    assert response.status_code == 302
    (email,) = mail.outbox
    assert email.to == ["comite@consortium.example"]
    assert (
        "Coopérative Alpha inc." in email.body and f"/admin/members/edit/{member.pk}/" in email.body
    )
    member.refresh_from_db()
    assert member.name == "Coopérative Alpha"  # read-only: staff decide
    assert MemberEmail.objects.filter(kind="correction", state="sent").count() == 1
    entry = ModelLogEntry.objects.for_instance(member).filter(action=register.CORRECTION).get()
    assert entry.data["to"] == "Coopérative Alpha inc."


def restrict_to_members(restriction_model, **target):
    restriction = restriction_model.objects.create(
        restriction_type=restriction_model.GROUPS, **target
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP))


def test_member_only_pages_open_to_signed_in_contacts_of_active_members(
    client, member, space, ask_link
):
    private = StandardPageFactory(parent=space, title="Documents des membres", slug="documents")
    restrict_to_members(PageViewRestriction, page=private)
    StandardPageFactory(parent=private, title="Procès-verbaux", slug="pv")
    url = "/fr/espace-membre/documents/"
    assert client.get(f"{url}pv/").status_code == 302  # the subtree is private too
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"].startswith("/membership/sign-in/")
    assert client.get(refused["Location"])["Location"] == SPACE
    ask_link(client)
    client.post(f"{SPACE}connexion/{token_from_email()}/")
    assert client.get(url).status_code == 200
    assert client.get(f"{url}pv/").status_code == 200
    # The dashboard links the members' pages of its language.
    dashboard = BeautifulSoup(client.get(SPACE).content.decode(), "html.parser")
    section = dashboard.find(id="member-pages-heading").parent
    assert [a["href"] for a in section.select("a")] == [url]
    # Suspended: out of the group, the page closes again.
    register.set_status(member, "suspended")
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("status", "why"),
    [
        ("pending", "devient active une fois ses parts de qualification payées"),
        ("suspended", "est suspendue"),
    ],
)
def test_a_contact_of_a_member_not_active_is_told_why_and_offered_nothing_closed(
    client, member, space, ask_link, status, why
):
    """A newly approved member (shares unpaid) or a suspended one: the dashboard says why
    the members' pages are closed and does not list them; a link to one brings the
    contact back to the dashboard with the reason; the general assembly's page says it
    too, rather than « sign in »."""
    private = StandardPageFactory(parent=space, title="Documents des membres", slug="documents")
    restrict_to_members(PageViewRestriction, page=private)
    register.set_status(member, status)
    register.sync_access(member)
    ask_link(client)
    client.post(f"{SPACE}connexion/{token_from_email()}/")

    dashboard = client.get(SPACE).content.decode()
    assert why in dashboard
    assert 'id="member-pages-heading"' not in dashboard
    assert "/fr/espace-membre/documents/" not in dashboard

    response = client.get("/fr/espace-membre/documents/", follow=True)
    assert response.redirect_chain[-1][0] == SPACE
    page = response.content.decode()
    assert "La page demandée est réservée aux membres actifs." in page and why in page

    assembly = EventPageFactory(
        parent=EventIndexPageFactory(parent=space.get_parent()),
        kind=Kind.GENERAL_ASSEMBLY,
        agenda=[("item", "Adoption du rapport annuel")],
        documents=[("document", {"label": "Rapport annuel", "document": document()})],
    )
    page = client.get(assembly.url).content.decode()
    assert why in page and "connectez-vous" not in page.lower()


def document():
    collection = Collection.get_first_root_node().add_child(name="Documents des membres")
    restrict_to_members(CollectionViewRestriction, collection=collection)
    return get_document_model().objects.create(
        title="Rapport annuel", collection=collection, file=SimpleUploadedFile("rapport.pdf", PDF)
    )


def test_private_documents_open_to_signed_in_contacts_of_active_members(client, member, ask_link):
    collection = Collection.get_first_root_node().add_child(name="Documents des membres")
    restrict_to_members(CollectionViewRestriction, collection=collection)
    document = get_document_model().objects.create(
        title="Procès-verbal", collection=collection, file=SimpleUploadedFile("pv.pdf", PDF)
    )
    url = document.url

    def fetch():
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else b""
        return response, content

    response, content = fetch()
    assert response.status_code == 302 and content == b""
    assert response["Location"].startswith("/membership/sign-in/?next=")
    staff = get_user_model().objects.create_user("redaction", password="x")
    client.force_login(staff)  # signed in, but not a member's contact
    assert fetch()[0].status_code == 302
    client.logout()
    ask_link(client)
    client.post(f"{SPACE}connexion/{token_from_email()}/")
    response, content = fetch()
    assert response.status_code == 200 and content == PDF
    register.set_status(member, "suspended")
    assert fetch()[0].status_code == 302


def test_the_dashboards_queries_do_not_grow_with_contacts_and_movements(signed_in, member):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(SPACE).status_code == 200
        return len(queries)

    count()  # the chrome's cache filled once
    few = count()
    for number in range(5):
        MemberContact.objects.create(
            member=member, name=f"Contact {number}", email=f"c{number}@alpha.example"
        )
        register.record_movement(member, "subscription", shares=1, amount=10)
        register.record_movement(member, "payment", amount=10)
    count()  # the chrome's cache follows the member's save
    assert count() == few
