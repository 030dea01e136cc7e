"""Requests never confirmed are deleted some days after their link expired; a former
subscriber who asked again, and everyone confirmed or unsubscribed, are kept (the proof of
consent and of the unsubscribe)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from consortium.models import AnonymisationRecord
from newsletter import actions
from newsletter.models import ConsentRecord, Subscriber

pytestmark = pytest.mark.django_db


def request(email):
    return actions.request_subscription(
        email=email, name="", language="fr", source="page", text_shown="Texte"
    )


def test_unconfirmed_requests_go_thirty_days_after_their_link_expired(newsletter_page):
    long_ago = timezone.now() - datetime.timedelta(days=31)
    stale, _recent, former = (
        request("a@exemple.org"),
        request("b@exemple.org"),
        request("c@exemple.org"),
    )
    Subscriber.objects.filter(pk__in=[stale.pk, former.pk]).update(confirmation_expires_at=long_ago)
    Subscriber.objects.filter(pk=former.pk).update(confirmed_at=long_ago)  # subscribed once
    output = StringIO()
    call_command("purge_newsletter_requests", "--dry-run", stdout=output)
    assert "1 unconfirmed request(s) would be deleted" in output.getvalue()
    assert Subscriber.objects.count() == 3 and AnonymisationRecord.objects.count() == 0
    call_command("purge_newsletter_requests", stdout=StringIO())
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "b@exemple.org",
        "c@exemple.org",
    }
    assert not ConsentRecord.objects.filter(subscriber_id=stale.pk).exists()
    record = AnonymisationRecord.objects.get()
    assert record.command == "purge_newsletter_requests" and record.count == 1
    assert record.purpose.startswith("Demandes d’abonnement à l’infolettre jamais confirmées")
