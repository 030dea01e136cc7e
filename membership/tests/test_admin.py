"""« Demandes d'adhésion » in the admin: who sees it, listing, filters, search, detail,
export, read-only for everyone, and a query count that does not grow with applications."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from membership.actions import submit_application
from membership.tests.test_concurrency import application_data

pytestmark = pytest.mark.django_db

LISTING = "/admin/membership-applications/"


def make_applications(count, start=0):
    return [
        submit_application(application_data(number), language="fr", policy_version="2026-1")
        for number in range(start, start + count)
    ]


def test_committee_sees_the_listing_with_its_columns(committee):
    first, second = make_applications(2)
    response = committee.get(LISTING)
    assert response.status_code == 200
    content = response.content.decode()
    assert first.reference in content and second.reference in content
    assert "06 Montréal" in content and "Coopérative de travail" in content
    assert "Soumise" in content


def test_filters_and_search(committee):
    applications = make_applications(3)
    from membership.actions import change_status

    change_status(applications[0], "in-review")
    content = committee.get(LISTING, {"status": "in-review"}).content.decode()
    assert applications[0].reference in content and applications[1].reference not in content
    content = committee.get(LISTING, {"q": applications[2].neq}).content.decode()
    assert applications[2].reference in content and applications[1].reference not in content
    content = committee.get(LISTING, {"q": applications[1].reference}).content.decode()
    assert applications[1].reference in content and applications[2].reference not in content
    # Date range (the day of submission, inclusive).
    import datetime

    from django.utils import timezone

    from membership.models import MembershipApplication

    MembershipApplication.objects.filter(pk=applications[1].pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=40)
    )
    today = timezone.localdate()
    recent = {"submitted_at_from": (today - datetime.timedelta(days=7)).isoformat()}
    content = committee.get(LISTING, recent).content.decode()
    assert applications[0].reference in content and applications[1].reference not in content
    old = {"submitted_at_to": (today - datetime.timedelta(days=30)).isoformat()}
    content = committee.get(LISTING, old).content.decode()
    assert applications[1].reference in content and applications[0].reference not in content


def test_detail_view_shows_every_field(committee):
    (application,) = make_applications(1)
    response = committee.get(f"{LISTING}inspect/{application.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for value in (application.reference, application.neq, application.contact_email, "H2X 1Y4"):
        assert value in content


def test_csv_export_has_the_applications_and_no_attachments(committee):
    applications = make_applications(2)
    response = committee.get(LISTING, {"export": "csv"})
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    assert all(application.reference in body for application in applications)
    assert "attachment" not in body.lower() and ".pdf" not in body
    xlsx = committee.get(LISTING, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_the_export_opens_in_excel_as_the_admin_shows_it(committee):
    """Phones as the admin shows them (no apostrophe guard), a French file name with the
    date, a bold frozen heading row, columns as wide as their contents, typed times."""
    from openpyxl import load_workbook

    (application,) = make_applications(1)
    today = timezone.localdate().isoformat()
    response = committee.get(LISTING, {"export": "csv"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="demandes-adhesion-{today}.csv"'
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    phone = rows[0].index("Téléphone")
    assert rows[1][phone] == "(418) 555-0100"
    xlsx = committee.get(LISTING, {"export": "xlsx"})
    assert f'filename="demandes-adhesion-{today}.xlsx"' in xlsx["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.freeze_panes == "A2"
    headings = next(sheet.iter_rows(max_row=1))
    assert all(cell.font.b for cell in headings)
    for cell in headings:
        letter = cell.column_letter
        width = sheet.column_dimensions[letter].width
        texts = [row[0].value for row in sheet[f"{letter}1:{letter}2"]]
        longest = max(len(text) for text in texts if isinstance(text, str))
        assert width >= min(longest, 60), (cell.value, width)
    submitted = [cell.value for cell in headings].index("Soumise le")
    assert isinstance(sheet.cell(2, submitted + 1).value, datetime.datetime)
    assert sheet.cell(2, phone + 1).value == "(418) 555-0100"


def test_anonymous_and_other_staff_cannot_reach_applications(client, editor, site_tree):
    (application,) = make_applications(1)
    urls = [LISTING, f"{LISTING}inspect/{application.pk}/", f"{LISTING}?export=csv"]
    for url in urls:
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        assert application.reference not in response.content.decode()
    client.logout()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_no_one_adds_edits_or_deletes_applications_here(admin_client, site_tree):
    (application,) = make_applications(1)
    for url in (
        f"{LISTING}new/",
        f"{LISTING}edit/{application.pk}/",
        f"{LISTING}delete/{application.pk}/",
    ):
        response = admin_client.get(url)
        assert response.status_code in (302, 403), url
    assert admin_client.get(LISTING).status_code == 200


def bulk_applications(count, start, reviewers):
    """``count`` stored applications (written in one statement: the listing is under test,
    not the form), assigned in turn to ``reviewers`` and nobody."""
    from membership.models import MembershipApplication
    from membership.tests.test_concurrency import application_data

    rows = []
    for number in range(start, start + count):
        data = application_data(number)
        for name in ("fields_of_interest", "attachments"):
            data.pop(name)
        rows.append(
            MembershipApplication(
                reference=f"ADH-2025-{number:04d}",
                language="fr",
                assigned_to=reviewers[number % len(reviewers)],
                status=["submitted", "in-review", "info-requested"][number % 3],
                **data,
            )
        )
    MembershipApplication.objects.bulk_create(rows)


@pytest.mark.parametrize("params", [{}, {"assigned": "me"}, {"status": "in-review", "q": "Coop"}])
def test_listing_queries_do_not_grow_with_500_applications(committee, django_user_model, params):
    from django.contrib.auth import get_user

    me = get_user(committee)
    other = django_user_model.objects.create_user("autre", first_name="Alex")
    bulk_applications(6, 0, [me, other, None])
    committee.get(LISTING, params)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = committee.get(LISTING, params)
            assert response.status_code == 200
        return len(captured), response

    few, _response = count()
    bulk_applications(500, 6, [me, other, None])
    many, response = count()
    assert many == few
    content = response.content.decode()
    assert "ADH-2025-0500" in content or params  # newest first on page 1 when unfiltered
    assert "sur 11" in content or params  # 506 applications, 50 per page


def test_committee_moves_an_application_through_its_statuses_with_notes(committee):
    from membership.models import MembershipApplication
    from membership.workflow import STATUS_CHANGED

    (application,) = make_applications(1)
    detail = committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    assert 'name="status"' in detail and "En analyse" in detail
    status_url = f"{LISTING}status/{application.pk}/"

    assert committee.post(status_url, {"status": "in-review"}).status_code == 302
    # A refusal without a note is refused, with the reason, and changes nothing.
    response = committee.post(status_url, {"status": "refused", "note": ""}, follow=True)
    assert "Une note est requise" in response.content.decode()
    assert MembershipApplication.objects.get(pk=application.pk).status == "in-review"
    # A status that is not reachable is not offered, and refused if posted anyway.
    response = committee.post(status_url, {"status": "submitted"}, follow=True)
    assert MembershipApplication.objects.get(pk=application.pk).status == "in-review"
    committee.post(status_url, {"status": "approved", "note": "Bienvenue !", "share_note": "on"})
    assert MembershipApplication.objects.get(pk=application.pk).status == "approved"

    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.filter(action=STATUS_CHANGED, object_id=str(application.pk))
    assert entries.count() == 2
    history = committee.get(f"{LISTING}history/{application.pk}/").content.decode()
    assert "Statut changé de « En analyse » à « Approuvée »" in history
    assert "Bienvenue !" in history
    # A decision is final: no form any more.
    assert (
        'name="status"' not in committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    )


def test_only_reviewers_change_statuses(editor, admin_client, site_tree):
    (application,) = make_applications(1)
    response = editor.post(f"{LISTING}status/{application.pk}/", {"status": "in-review"})
    assert response.status_code in (302, 403)
    from membership.models import MembershipApplication

    assert MembershipApplication.objects.get(pk=application.pk).status == "submitted"


def test_assignment_column_and_assigned_to_me_filter(committee, django_user_model):
    from django.contrib.auth import get_user

    from membership.actions import assign

    me = get_user(committee)
    me.first_name = "Camille"
    me.save()
    mine, theirs, nobodys = make_applications(3)
    assign(mine, me)
    assign(theirs, django_user_model.objects.create_user("alex", first_name="Alex"))
    content = committee.get(LISTING).content.decode()
    assert "Camille" in content and "Alex" in content
    content = committee.get(LISTING, {"assigned": "me"}).content.decode()
    assert mine.reference in content
    assert theirs.reference not in content and nobodys.reference not in content
    content = committee.get(LISTING, {"assigned": "nobody"}).content.decode()
    assert nobodys.reference in content and mine.reference not in content


def test_assign_and_write_notes_from_the_detail_page(committee, django_user_model):
    from django.contrib.auth import get_user

    (application,) = make_applications(1)
    me = get_user(committee)
    detail = committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    assert 'name="reviewer"' in detail and 'name="text"' in detail
    response = committee.post(f"{LISTING}assign/{application.pk}/", {"reviewer": me.pk})
    assert response.status_code == 302
    committee.post(f"{LISTING}note/{application.pk}/", {"text": "Appeler la fédération."})
    detail = committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    assert "Appeler la fédération." in detail
    application.refresh_from_db()
    assert application.assigned_to == me
    # Bad input: an unknown reviewer or an empty note changes nothing, with a message.
    response = committee.post(
        f"{LISTING}assign/{application.pk}/", {"reviewer": "99999"}, follow=True
    )
    assert "Choisissez une personne dans la liste." in response.content.decode()
    response = committee.post(f"{LISTING}note/{application.pk}/", {"text": " "}, follow=True)
    assert "Écrivez une note" in response.content.decode()
    application.refresh_from_db()
    assert application.assigned_to == me and application.internal_notes.count() == 1
    history = committee.get(f"{LISTING}history/{application.pk}/").content.decode()
    assert "Confiée à comite" in history


def test_dashboard_panel_and_menu_badge(committee):
    from membership.actions import change_status

    first, second, third = make_applications(3)
    change_status(third, "in-review")
    change_status(second, "withdrawn")
    content = committee.get("/admin/").content.decode()
    assert "Demandes par statut" in content
    # Submitted 1, in review 1, withdrawn 1, the others 0; the oldest waiting is the first.
    assert f"inspect/{first.pk}/" in content and first.reference in content
    # The sidebar is built from JSON in the page (non-ASCII characters escaped).
    assert r"Demandes d\u2019adh\u00e9sion (1)" in content


def test_json_export_of_one_applicant(committee):
    import json

    from wagtail.models import ModelLogEntry

    from membership.actions import add_note, change_status

    (application,) = make_applications(1)
    add_note(application, None, "Note interne à ne pas exporter")
    change_status(application, "in-review", note="Dossier complet", share_note=True)
    change_status(application, "refused", note="Motif interne", share_note=False)
    response = committee.get(f"{LISTING}export/{application.pk}.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{application.reference}.json"'
    assert "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["reference"] == application.reference
    assert data["application"]["neq"] == application.neq
    assert data["application"]["contact_phone"] == "+14185550100"
    assert data["consent"]["privacy_policy_version"] == "2026-1"
    assert [step["to"] for step in data["status_history"]] == ["in-review", "refused"]
    assert data["status_history"][0]["note"] == "Dossier complet"
    assert data["status_history"][1]["note"] == ""
    text = response.content.decode()
    assert "Note interne" not in text and "Motif interne" not in text
    assert ModelLogEntry.objects.filter(
        action="membership.exported", object_id=str(application.pk)
    ).exists()


def test_the_application_page_speaks_in_words(committee):
    """Booleans, languages, times and phone numbers as the committee reads them; the status
    list preselects nothing; the note box says who reads the note."""
    application = submit_application(
        {**application_data(1), "directory_consent": True}, language="en", policy_version="2026-1"
    )
    page = BeautifulSoup(
        committee.get(f"{LISTING}inspect/{application.pk}/").content, "html.parser"
    )
    text = " ".join(page.get_text(" ").split())
    assert "Anglais" in text and "(langue : Anglais)" in text
    assert "True" not in text and "False" not in text and "Oui" in text
    assert "(418) 555-0100" in text and "+14185550100" not in text
    local = timezone.localtime(application.submitted_at)
    assert f"{local:%H:%M}" in text  # local time, not UTC
    status = page.select_one('select[name="status"]')
    assert status.select_one("option")["value"] == "" and status.has_attr("required")
    assert "Transmettre cette note au demandeur par courriel" in text
    assert "seul le comité la lit" in text


def test_the_history_page_links_only_where_the_committee_may_go(committee):
    (application,) = make_applications(1)
    response = committee.get(f"{LISTING}history/{application.pk}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    links = {link["href"] for link in page.select("main a[href]")}
    assert f"{LISTING}inspect/{application.pk}/" in links
    for href in links - {"#"}:
        if href.startswith("/admin/"):
            assert committee.get(href).status_code == 200, href


def test_every_applicant_answer_has_its_section():
    from membership.admin_views import INSPECTED_FIELDS
    from membership.models import APPLICANT_FIELDS

    assert set(APPLICANT_FIELDS) <= set(INSPECTED_FIELDS)
    assert len(INSPECTED_FIELDS) == len(set(INSPECTED_FIELDS))


def test_the_application_page_puts_the_review_first(committee):
    """Status, reviewer, next step and the forms that change them at the top; then the
    answers in sections; every link on the page one the committee may follow."""
    (application,) = make_applications(1)
    url = f"{LISTING}inspect/{application.pk}/"
    page = BeautifulSoup(committee.get(url).content, "html.parser")
    summary = page.select_one(".application-summary")
    text = " ".join(summary.get_text(" ").split())
    assert "Soumise" in text and "Responsable de l’analyse Personne" in text
    assert "Prochaine étape : Confiez la demande à un responsable" in text
    assert "En attente depuis 0 jour" in text
    assert summary.select_one('select[name="status"]') and summary.select_one(
        'select[name="reviewer"]'
    )
    headings = [" ".join(h.get_text().split()) for h in page.select("main h2")]
    assert headings[-6:] == [
        "Organisation",
        "Personne-ressource et adresse",
        "Message et consentements",
        "Documents",
        "Suivi et notes",
        "Historique",
    ]
    contact = page.select_one("#contact")
    assert contact.select_one(f'a[href="mailto:{application.contact_email}"]')
    assert contact.select_one('a[href="tel:+14185550100"]').get_text() == "(418) 555-0100"
    # The share box is beside its label, which says who reads the note.
    box = page.select_one("#id_share_note")
    assert box.find_next_sibling("label")["for"] == "id_share_note"
    assert box["aria-describedby"] == "id_share_note-help" and page.select_one(
        "#id_share_note-help"
    )
    links = {link["href"] for link in page.select("main a[href]")}
    assert f"{LISTING}history/{application.pk}/" in links
    for href in links:
        if href.startswith("/admin/"):
            assert committee.get(href).status_code == 200, href


def test_an_english_applicants_category_reads_in_the_committees_language(committee, membership):
    english_names = {
        "Membre utilisateur": "User member",
        "Membre de soutien": "Supporting member",
        "Membre auxiliaire": "Auxiliary member",
    }
    english = membership.english
    english.categories = [
        {**block, "value": {**block["value"], "name": english_names[block["value"]["name"]]}}
        for block in english.categories.raw_data
    ]
    english.save_revision().publish()
    application = submit_application(
        {**application_data(1), "category": "Supporting member"},
        language="en",
        policy_version="2026-1",
    )
    page = BeautifulSoup(
        committee.get(f"{LISTING}inspect/{application.pk}/").content, "html.parser"
    )
    assert "Membre de soutien" in page.select_one("#organisation").get_text()
    response = committee.get(LISTING, {"export": "csv"})
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Membre de soutien" in export and "Supporting member" not in export
