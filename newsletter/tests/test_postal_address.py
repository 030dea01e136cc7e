"""CASL: every email the newsletter sends gives the sender's full postal address, so
while an office lacks it the emails wait in the outbox (none lost, none sent without
it), the admin says so on every staff member's dashboard, and ``migrate`` warns."""

import pytest
from django.core import checks

from consortium.messaging import outbox
from consortium.models import Office
from newsletter.models import NewsletterEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def incomplete_office(site_tree):
    office = Office.objects.get(city="Québec")
    office.street_address, office.postal_code = "", ""
    office.save()
    return office


def test_every_email_gives_each_offices_full_postal_address(subscribe, mailoutbox):
    subscribe()
    (message,) = mailoutbox
    assert "1000, rue Exemple, Montréal (QC), H2X 1Y4" in message.body
    assert "1000, rue Exemple, Québec (QC), H2X 1Y4" in message.body


def test_without_an_address_the_confirmation_waits_and_goes_once_it_is_there(
    incomplete_office, subscribe, mailoutbox, client
):
    assert subscribe().status_code == 302  # the request is recorded as always
    assert mailoutbox == []
    email = NewsletterEmail.objects.get()
    assert email.state == NewsletterEmail.State.PENDING and email.attempts == 0
    assert "adresse postale" in email.last_error
    assert outbox.deliver_pending() == (0, 1)  # the cron's retry holds it too

    incomplete_office.street_address, incomplete_office.postal_code = "2, rue Exemple", "G1K 3A1"
    incomplete_office.save()
    assert outbox.deliver_pending() == (1, 1)
    (message,) = mailoutbox
    assert "2, rue Exemple, Québec (QC), G1K 3A1" in message.body


def test_staff_are_warned_on_the_dashboard_and_told_where_to_fix_it(
    incomplete_office, admin_client
):
    html = admin_client.get("/admin/").content.decode()
    assert "Un bureau n’a pas d’adresse postale complète." in html
    assert "/admin/settings/consortium/organisationsettings/" in html
    incomplete_office.street_address, incomplete_office.postal_code = "2, rue Exemple", "G1K 3A1"
    incomplete_office.save()
    assert "adresse postale complète" not in admin_client.get("/admin/").content.decode()


def test_the_database_checks_say_so_at_every_migrate(incomplete_office):
    warnings = checks.run_checks(databases=["default"], tags=[checks.Tags.database])
    assert [warning.id for warning in warnings] == ["consortium.W001"]
    Office.objects.filter(pk=incomplete_office.pk).update(
        street_address="2, rue Exemple", postal_code="G1K 3A1"
    )
    assert checks.run_checks(databases=["default"], tags=[checks.Tags.database]) == []
