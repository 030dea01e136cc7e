"""Hostile input on the membership form, its exports, emails and files: control characters
and line breaks refused, spreadsheet cells and emails literal, PDFs with active content
refused, attachments downloaded under the reference, held submissions reviewed and purged."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from consortium.intake.held import purge
from consortium.intake.pdf_check import Verdict, judge
from consortium.intake.plain_text import spreadsheet_cell
from consortium.intake.uploads import validate_pdf
from consortium.models import HeldSubmission
from membership.forms import ApplicationForm
from membership.notifications import message as build_message
from membership.tests.conftest import MINIMAL_PDF, pdf
from tests.fixtures.files import pdf_written

pytestmark = pytest.mark.django_db


# -- literal exports and emails --------------------------------------------------------------
@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_like_csv_cells_are_neutralised(start):
    assert spreadsheet_cell(f"{start}HYPERLINK(1)", csv=True) == f"'{start}HYPERLINK(1)"
    assert spreadsheet_cell("Coop\x00\x1b\x7f du lac", csv=False) == "Coop du lac"
    assert spreadsheet_cell(42, csv=True) == 42


def test_the_exports_stay_literal_with_hostile_values(make_application, committee):
    make_application(1, organisation_name='=HYPERLINK("http://x")', contact_name="Ève\x1b\x07 Roy")
    listing = "/admin/membership-applications/"
    response = committee.get(listing, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "Ève Roy" in cells
    response = committee.get(listing, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "Ève Roy" in values


def test_plain_text_emails_carry_literal_characters(make_application):
    application = make_application(1, organisation_name="L'Envol & fils <coop>")
    notification = application.notifications.get(kind="acknowledgement")
    message = build_message(notification)
    assert "L'Envol & fils <coop>" in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body
    assert "\n" not in message.subject


# -- control characters and line breaks at input ----------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_name", "Coop\x1b du lac", "caractères de contrôle"),
        ("organisation_name", "Coop\ndu lac", "une seule ligne"),
        ("city", "Québec\u2028Lévis", "une seule ligne"),
        ("message", "Bonjour\x00", "caractère nul"),
        ("message", "Bonjour\x07", "caractères de contrôle"),
        # A right-to-left override makes « Coop \u202eacof » read « Coop foca » in the admin.
        ("contact_name", "Marie \u202eyalbmerT", "sens de lecture"),
        ("organisation_name", "Coop \u2066du lac\u2069", "sens de lecture"),
        ("message", "Bonjour \u202b", "sens de lecture"),
    ],
)
def test_control_characters_are_refused_with_a_clear_message(
    answers, membership, field, value, message
):
    form = ApplicationForm({**answers, field: value}, page=membership)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field]).lower()
    assert form[field].value() == value  # what was typed is shown again


def test_line_breaks_stay_allowed_in_the_message(answers, membership):
    form = ApplicationForm({**answers, "message": "Bonjour,\r\n\tmerci."}, page=membership)
    assert form.is_valid(), form.errors


# -- attachments --------------------------------------------------------------------------
def script_on_opening(writer):
    writer.add_open_action(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('x');"),
            }
        )
    )


def launch_on_opening(writer):
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )


@pytest.mark.parametrize(
    "build",
    [script_on_opening, launch_on_opening, lambda w: w.add_attachment("virus.exe", b"MZ")],
)
def test_pdfs_with_scripts_or_embedded_files_are_refused(build):
    content = pdf_written(build)
    upload = pdf(content=content)
    assert judge(content) is Verdict.ACTIVE
    with pytest.raises(ValidationError, match="script"):
        validate_pdf(upload)


def test_plain_pdfs_are_accepted():
    for content in (pdf_written(lambda writer: None), MINIMAL_PDF):
        assert judge(content) is Verdict.SAFE
        validate_pdf(pdf(content=content))


def test_attachments_download_under_the_reference(make_application, committee):
    from membership.actions import store_attachments

    application = make_application(1)
    store_attachments(application, [pdf(name="../../etc/passwd.pdf"), pdf(name="b\r\n.pdf")])
    names = []
    for attachment in application.attachments.order_by("pk"):
        response = committee.get(f"/membership/attachments/{attachment.token}/")
        assert response.status_code == 200
        names.append(response["Content-Disposition"])
    reference = application.reference
    assert names == [
        f'attachment; filename="{reference}-1.pdf"',
        f'attachment; filename="{reference}-2.pdf"',
    ]


# -- held submissions ---------------------------------------------------------------------
def test_a_held_submission_keeps_what_no_database_column_takes(rf):
    from consortium.intake.held import hold

    request = rf.post("/fr/adhesion/", {"nickname": "x\x00y", "city": "Lévis\x1b"})
    held = hold("membership", HeldSubmission.Reason.HONEYPOT, request, "fr")
    held.refresh_from_db()
    assert held.data == {"nickname": "x\ufffdy", "city": "Lévis\x1b"}


def test_the_committee_reviews_held_submissions_and_others_cannot(
    committee, site_tree, django_user_model
):
    held = HeldSubmission.objects.create(
        form="membership", reason="honeypot", language="fr", data={"organisation_name": "X"}
    )
    listing = committee.get("/admin/held-submissions/")
    assert listing.status_code == 200 and "Envois retenus" in listing.content.decode()
    detail = committee.get(f"/admin/held-submissions/inspect/{held.pk}/")
    assert detail.status_code == 200 and "organisation_name" in detail.content.decode()
    editor = django_user_model.objects.create_user("redaction", password="x")
    editor.groups.add(Group.objects.get_or_create(name="Rédaction")[0])
    other = Client()
    other.force_login(editor)
    assert other.get("/admin/held-submissions/").status_code in (302, 403)


def test_held_submissions_are_purged_after_their_retention_period():
    old = HeldSubmission.objects.create(form="membership", reason="honeypot", language="fr")
    HeldSubmission.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timezone.timedelta(days=31)
    )
    recent = HeldSubmission.objects.create(form="membership", reason="rate_limit", language="fr")
    out = io.StringIO()
    call_command("purge_held_submissions", stdout=out)
    assert "1 held submission(s) deleted" in out.getvalue()
    assert list(HeldSubmission.objects.all()) == [recent]
    assert purge(30) == 0


def test_direction_characters_in_older_data_leave_the_exports():
    from consortium.intake.plain_text import spreadsheet_cell

    assert spreadsheet_cell("Marie \u202eyalbmerT", csv=True) == "Marie yalbmerT"
    assert spreadsheet_cell("\u2066=1+1\u2069", csv=False) == "=1+1"
