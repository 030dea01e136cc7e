"""The double opt-in (CASL) from the visitor's side: nobody is subscribed before pressing
the button of the confirmation link's page; the link works once, until it expires; every
email carries the unsubscribe link and headers, and unsubscribing takes one click."""

import datetime

import pytest
from django.utils import timezone

from consortium.models import HeldSubmission
from newsletter.models import ConsentRecord, NewsletterEmail, Subscriber
from newsletter.tests.conftest import link_in

pytestmark = pytest.mark.django_db


def test_a_request_subscribes_nobody_and_sends_the_confirmation(subscribe, mailoutbox):
    response = subscribe(email="Marie@Exemple.org")
    assert response.status_code == 302
    assert response["Location"] == "/fr/infolettre/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "marie@exemple.org"
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.confirmed_at is None
    consent = subscriber.consents.get()
    assert consent.source == ConsentRecord.Source.PAGE and consent.language == "fr"
    assert "Consortium de coopération des entreprises collectives" in consent.text_shown
    assert "désabonner" in consent.text_shown and consent.confirmed_at is None
    field_names = {field.name for field in ConsentRecord._meta.get_fields()}
    assert not {"ip", "ip_address", "address"} & field_names  # the IP is never kept
    (message,) = mailoutbox
    assert message.to == ["marie@exemple.org"]
    assert "Confirmez" in message.subject
    assert "/fr/infolettre/confirmer/" in message.body
    assert "/fr/infolettre/desabonnement/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/fr/newsletter-unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_the_link_asks_for_a_click_then_works_once(subscribe, client, mailoutbox):
    subscribe()
    confirm = link_in(mailoutbox[0], "/confirmer/")
    opened = client.get(confirm)  # what a mail scanner does
    assert opened.status_code == 200
    assert "Confirmer mon abonnement" in opened.content.decode()
    assert opened["X-Robots-Tag"] == "noindex" and "no-store" in opened["Cache-Control"]
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    pressed = client.post(confirm)
    assert pressed.status_code == 200
    assert "vous êtes abonné" in pressed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at
    assert subscriber.consents.get().confirmed_at == subscriber.confirmed_at
    again = client.post(confirm)
    assert again.status_code == 410
    assert "déjà confirmé" in again.content.decode()


def test_an_expired_link_confirms_nothing(subscribe, client, mailoutbox):
    subscribe()
    Subscriber.objects.update(
        confirmation_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    confirm = link_in(mailoutbox[0], "/confirmer/")
    assert client.get(confirm).status_code == 410
    response = client.post(confirm)
    assert response.status_code == 410
    assert "expiré" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_new_request_replaces_the_link_and_a_forged_one_is_refused(subscribe, client, mailoutbox):
    subscribe()
    subscribe()
    first, second = (link_in(message, "/confirmer/") for message in mailoutbox)
    assert first != second
    assert client.post(first).status_code == 404
    assert client.post(first[:-3] + "abc/").status_code == 404
    assert client.post(second).status_code == 200
    assert Subscriber.objects.get().consents.count() == 2


def test_english_page_and_english_newsletter(subscribe, client, mailoutbox):
    response = subscribe(language="en", page="en")
    assert response["Location"] == "/en/newsletter/thanks/"
    (message,) = mailoutbox
    assert "Confirm your subscription" in message.subject
    assert "/en/newsletter/confirm/" in message.body
    consent = ConsentRecord.objects.get()
    assert consent.language == "en" and "By subscribing" in consent.text_shown


def test_unsubscribe_from_the_email_in_one_click(subscribe, client, mailoutbox):
    subscribe()
    client.post(link_in(mailoutbox[0], "/confirmer/"))
    page = link_in(mailoutbox[0], "/desabonnement/")
    opened = client.get(page)
    assert opened.status_code == 200 and "Se désabonner" in opened.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    done = client.post(page)
    assert "vous ne recevrez plus" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at


def test_the_mail_clients_one_click_post_needs_no_sign_in_nor_token(
    subscribe, strict_client, mailoutbox
):
    subscribe()
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    header = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = header.split("://", 1)[1].split("/", 1)[1]
    response = strict_client.post(
        "/" + path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    assert strict_client.post("/fr/newsletter-unsubscribe/forged/").status_code == 404


def test_a_confirmed_address_is_told_and_nothing_changes(subscribe, client, mailoutbox):
    subscribe()
    client.post(link_in(mailoutbox[0], "/confirmer/"))
    response = subscribe(name="Quelqu’un d’autre")
    assert response["Location"] == "/fr/infolettre/merci/"  # says nothing of the address
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.name == "Marie"
    assert subscriber.consents.count() == 1
    assert mailoutbox[-1].subject.startswith("Vous êtes déjà abonné")
    assert "/desabonnement/" in mailoutbox[-1].body


def test_one_address_gets_at_most_three_emails_a_day(subscribe, mailoutbox, settings):
    settings.NEWSLETTER_RATE_LIMIT = "100/h"
    for _attempt in range(5):
        assert subscribe(email="cible@exemple.org").status_code == 302
    assert len(mailoutbox) == 3
    assert NewsletterEmail.objects.count() == 3


@pytest.mark.parametrize(
    ("page", "typed", "message"),
    [
        ("fr", "pas-une-adresse", "Saisissez une adresse courriel valide"),
        ("en", "not-an-address", "Enter a valid email address"),
        ("fr", "", "Saisissez votre adresse courriel"),
    ],
)
def test_a_wrong_address_comes_back_with_its_message_and_what_was_typed(
    subscribe, page, typed, message
):
    response = subscribe(email=typed, name="Jeanne D’Arc", page=page)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Jeanne D’Arc"' in html
    assert Subscriber.objects.count() == 0


def test_a_robot_gets_the_thanks_and_its_request_is_held(subscribe, mailoutbox):
    response = subscribe(nickname="bot")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0 and mailoutbox == []
    assert HeldSubmission.objects.get().form == "newsletter"


def test_past_the_rate_limit_the_form_comes_back(subscribe, settings):
    settings.NEWSLETTER_RATE_LIMIT = "2/h"
    assert subscribe(email="a@exemple.org").status_code == 302
    assert subscribe(email="b@exemple.org").status_code == 302
    response = subscribe(email="c@exemple.org", name="Chloé")
    assert response.status_code == 429
    assert "Chloé" in response.content.decode()
    assert HeldSubmission.objects.get().reason == HeldSubmission.Reason.RATE_LIMIT


def test_the_footer_form_on_every_page_posts_without_a_token(
    client, subscribe, newsletter_page, site_tree
):
    html = client.get("/fr/").content.decode()
    assert 'action="/fr/newsletter-subscription/"' in html
    assert 'name="source" value="footer"' in html
    assert 'autocomplete="email"' in html
    assert "Consortium de coopération des entreprises collectives" in html
    assert "csrfmiddlewaretoken" not in html.split('class="newsletter-form"')[1].split("</form>")[0]
    assert subscribe(source="footer").status_code == 302
    assert ConsentRecord.objects.get().source == ConsentRecord.Source.FOOTER


def test_a_get_of_the_form_address_leads_to_the_page(strict_client, newsletter_page):
    response = strict_client.get("/fr/newsletter-subscription/")
    assert response.status_code == 302 and response["Location"] == "/fr/infolettre/"
