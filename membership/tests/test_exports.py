"""The committee's exports, as Excel or LibreOffice opens them: French headings and labels,
local times to the minute, Oui/Non, a UTF-8 byte-order mark, a named sheet
(consortium.staff.exports)."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from membership.actions import change_status, submit_application
from membership.models import MembershipApplication
from membership.tests.test_concurrency import application_data

pytestmark = pytest.mark.django_db

LISTING = "/admin/membership-applications/"
# 14:05:33.123456 UTC on 1 June 2026 is 10:05 in Montréal (EDT).
SUBMITTED = datetime.datetime(2026, 6, 1, 14, 5, 33, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def exported(committee):
    application = submit_application(
        {**application_data(1), "region": "03", "legal_form": "solidarity-coop"},
        language="en",
        policy_version="2026-1",
    )
    change_status(application, "in-review")
    change_status(application, "approved")
    MembershipApplication.objects.filter(pk=application.pk).update(submitted_at=SUBMITTED)
    return application


def csv_rows(response) -> tuple[bytes, list[dict]]:
    body = b"".join(response.streaming_content)
    return body, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_reads_as_the_committee_reads_the_admin(committee, exported):
    response = committee.get(LISTING, {"export": "csv"})
    assert response.status_code == 200
    body, rows = csv_rows(response)
    assert body.startswith("\ufeff".encode())  # Excel then reads UTF-8
    (row,) = rows
    assert row["Référence"] == exported.reference
    assert row["Statut"] == "Approuvée"
    assert row["Région administrative"] == "03 Capitale-Nationale"
    assert row["Forme juridique"] == "Coopérative de solidarité"
    assert row["Langue"] == "Anglais"
    assert row["Doublon possible"] == "Non"
    assert row["Soumise le"] == "2026-06-01 10:05"  # local, to the minute
    assert "approved" not in body.decode() and "True" not in body.decode()


def test_xlsx_has_a_named_sheet_and_local_times(committee, exported):
    response = committee.get(LISTING, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Demandes d’adhésion"]
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    values = dict(zip(headings, (cell.value for cell in sheet[2]), strict=True))
    assert values["Statut"] == "Approuvée"
    assert values["Langue"] == "Anglais"
    submitted = values["Soumise le"]
    assert submitted == datetime.datetime(2026, 6, 1, 10, 5)  # a real date, local
    assert timezone.localtime(SUBMITTED).replace(tzinfo=None, second=0, microsecond=0) == (
        submitted
    )
