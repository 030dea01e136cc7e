"""The membership form's newsletter box starts the same double opt-in, once the
application is stored (its confirmation email leaves through the outbox)."""

import pytest

from newsletter.models import ConsentRecord, NewsletterEmail, Subscriber
from newsletter.tests.conftest import link_in

pytestmark = pytest.mark.django_db


def test_the_box_ticked_sends_the_confirmation_and_subscribes_nobody_yet(
    make_application, newsletter_page, mailoutbox, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = make_application(1, language="en", newsletter=True)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == application.contact_email
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.language == "en"
    consent = subscriber.consents.get()
    assert consent.source == ConsentRecord.Source.MEMBERSHIP
    assert consent.text_shown.startswith("I would like to receive the Consortium's newsletter")
    assert "By subscribing" in consent.text_shown and consent.policy_version == "2026-1"
    (confirmation,) = [
        m for m in mailoutbox if m.to == [application.contact_email] and "newsletter" in m.subject
    ]
    assert client.post(link_in(confirmation, "/confirm/")).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_the_box_left_empty_asks_nothing(
    make_application, newsletter_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_application(2, newsletter=False)
    assert Subscriber.objects.count() == 0 and NewsletterEmail.objects.count() == 0


def test_the_form_shows_the_consent_sentence_with_the_box(client, membership, newsletter_page):
    html = client.get("/fr/adhesion/").content.decode()
    assert "En vous abonnant, vous acceptez de recevoir l’infolettre du Consortium" in html
