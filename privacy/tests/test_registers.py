"""The Loi 25 registers: the incident register (every item of the regulation, deletion
refused for five years, the CSV for the Commission d'accès à l'information), the
anonymisation log written by every run of the retention commands (and by no dry run), and
who may reach them: the privacy officer's group and administrators only."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from consortium.models import AnonymisationRecord
from consortium.staff import roles
from privacy.models import ConfidentialityIncident, IncidentKeptError
from tests.fixtures.roles import ALL_ROLES, body

pytestmark = pytest.mark.django_db

INCIDENTS = "/admin/privacy/incidents/"
LOG = "/admin/privacy/anonymisation-log/"
ROLES = ALL_ROLES
ALLOWED = {roles.PRIVACY_OFFICER_GROUP, "administrator"}


def incident(aware_on: datetime.date, **fields) -> ConfidentialityIncident:
    values = {
        "information": "Noms et courriels de 12 personnes-ressources",
        "circumstances": "Courriel envoyé au mauvais destinataire",
        "occurred_from": aware_on,
        "aware_on": aware_on,
        "people_affected": 12,
        "risk": ConfidentialityIncident.Risk.NOT_SERIOUS,
        "risk_assessment": "Renseignements peu sensibles; destinataire connu, courriel détruit",
        "measures": "Confirmation écrite de la destruction; double vérification des envois",
        **fields,
    }
    return ConfidentialityIncident.objects.create(**values)


def form_data(**fields) -> dict:
    today = timezone.localdate()
    return {
        "information": "Adresses courriel des abonnés",
        "circumstances": "Exportation laissée sur un poste partagé",
        "occurred_from": (today - datetime.timedelta(days=3)).isoformat(),
        "occurred_to": "",
        "aware_on": (today - datetime.timedelta(days=1)).isoformat(),
        "people_affected": "140",
        "risk": "not_serious",
        "risk_assessment": "Adresses seulement; poste dans un local fermé",
        "commission_notified_on": "",
        "people_notified_on": "",
        "measures": "Fichier supprimé; exportations réservées aux postes chiffrés",
        **fields,
    }


def test_the_officer_records_an_incident_and_exports_the_register(client, as_role):
    as_role(roles.PRIVACY_OFFICER_GROUP)
    form = client.get(f"{INCIDENTS}new/").content.decode()
    for label in (
        "Renseignements personnels visés",
        "Circonstances de l’incident",
        "Date à laquelle le Consortium en a pris connaissance",
        "Nombre de personnes concernées",
        "Évaluation du risque de préjudice sérieux",
        "Date de l’avis à la Commission d’accès à l’information",
        "Date de l’avis aux personnes concernées",
        "Mesures prises",
    ):
        assert label in form, label
    response = client.post(f"{INCIDENTS}new/", form_data())
    assert response.status_code == 302
    recorded = ConfidentialityIncident.objects.get()
    assert recorded.people_affected == 140
    csv = body(client.get(INCIDENTS, {"export": "csv"})).decode("utf-8-sig")
    heading = csv.splitlines()[0]
    assert heading.startswith("Renseignements personnels visés,Circonstances de l’incident,")
    assert "Mesures prises" in heading and "Exportation laissée sur un poste partagé" in csv
    assert "Aucun risque de préjudice sérieux" in csv


def test_dates_that_cannot_be_are_refused_with_a_message(client, as_role):
    as_role(roles.PRIVACY_OFFICER_GROUP)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(f"{INCIDENTS}new/", form_data(aware_on=tomorrow))
    assert response.status_code == 200
    assert "Cette date est dans le futur." in response.content.decode()
    assert "Exportation laissée sur un poste partagé" in response.content.decode()
    assert ConfidentialityIncident.objects.count() == 0


def test_an_incident_cannot_be_deleted_before_five_years(client, as_role):
    as_role(roles.PRIVACY_OFFICER_GROUP)
    today = timezone.localdate()
    recent = incident(today.replace(year=today.year - 5) + datetime.timedelta(days=1))
    old = incident(today.replace(year=today.year - 5))
    with pytest.raises(IncidentKeptError):
        recent.delete()
    with pytest.raises(IncidentKeptError):
        ConfidentialityIncident.objects.all().delete()
    response = client.post(f"{INCIDENTS}delete/{recent.pk}/", follow=True)
    assert "ne peut être supprimé avant" in response.content.decode()
    assert ConfidentialityIncident.objects.filter(pk=recent.pk).exists()
    assert client.post(f"{INCIDENTS}delete/{old.pk}/").status_code == 302
    assert not ConfidentialityIncident.objects.filter(pk=old.pk).exists()


@pytest.mark.parametrize(
    ("command", "arguments"),
    [
        ("anonymise_applications", []),
        ("anonymise_service_requests", []),
        ("anonymise_event_registrations", []),
        ("purge_held_submissions", []),
        ("purge_newsletter_requests", []),
    ],
)
def test_every_retention_run_writes_the_log_and_a_dry_run_none(
    site_tree, command, arguments, monkeypatch
):
    monkeypatch.setenv("RETENTION_OPERATOR", "cron")
    options = ["--dry-run"] if command != "purge_held_submissions" else None
    if options:
        call_command(command, *options, stdout=StringIO())
        assert AnonymisationRecord.objects.count() == 0
    call_command(command, *arguments, stdout=StringIO())
    records = AnonymisationRecord.objects.filter(command=command)
    assert records.count() >= 1
    record = records.first()
    assert record.count == 0 and record.run_by == "cron"
    assert record.purpose and record.method
    # In French, the staff's language.
    assert record.purpose.startswith(("Demandes", "Personnes-ressources", "Inscriptions", "Envois"))


def test_the_log_counts_what_was_anonymised(make_application, site_tree):
    from membership.choices import Status

    application = make_application(1)
    type(application).objects.filter(pk=application.pk).update(
        status=Status.REFUSED, status_changed_at=timezone.now() - datetime.timedelta(days=800)
    )
    call_command("anonymise_applications", stdout=StringIO())
    applications, former_members = AnonymisationRecord.objects.order_by("pk")
    assert applications.count == 1 and former_members.count == 0
    assert "24 mois" in applications.purpose
    assert "Champs identifiants effacés" in applications.method


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_the_registers(client, as_role, role):
    secret = incident(timezone.localdate(), circumstances="Vol d’un portable non chiffré")
    AnonymisationRecord.objects.create(
        command="purge_held_submissions", purpose="Envois", count=3, method="Supprimés", run_by="x"
    )
    as_role(role)
    for url in (
        INCIDENTS,
        f"{INCIDENTS}?export=csv",
        f"{INCIDENTS}new/",
        f"{INCIDENTS}edit/{secret.pk}/",
        LOG,
        f"{LOG}?export=csv",
    ):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        elif role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        else:
            assert response.status_code in (302, 403), url
            assert "Vol d’un portable".encode() not in body(response), url
    # The log is written by the commands only: nobody edits or deletes a row.
    record = AnonymisationRecord.objects.get()
    for url in (f"{LOG}new/", f"{LOG}edit/{record.pk}/", f"{LOG}delete/{record.pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
