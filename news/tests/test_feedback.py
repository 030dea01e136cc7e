"""« Cet article vous a-t-il été utile ? »: one vote per browser, CSRF-safe, no personal data."""

import pytest
from django.test import Client

from news.models import ArticleFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_articles):
    return make_articles(1)[0]


def vote_url(article):
    return f"{article.url}vote/"


def test_first_vote_is_recorded_and_thanked(client, article):
    response = client.post(vote_url(article), {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"] == f"{article.url}?vote=recorded#feedback"
    assert list(ArticleFeedback.objects.values_list("helpful", flat=True)) == [True]
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "Merci de votre réponse." in page
    assert "data-feedback-form" not in page


def test_repeated_vote_from_the_same_browser_is_not_counted(client, article):
    client.post(vote_url(article), {"helpful": "yes"})
    response = client.post(vote_url(article), {"helpful": "no"})
    assert response["Location"].endswith("?vote=already#feedback")
    assert ArticleFeedback.objects.count() == 1


def test_another_browser_can_vote(client, article):
    client.post(vote_url(article), {"helpful": "yes"})
    Client().post(vote_url(article), {"helpful": "no"})
    assert article.feedback_tally() == {"yes": 1, "no": 1}


@pytest.mark.parametrize("value", ["", "maybe", "YES", "1", "<script>"])
def test_invalid_value_is_refused_with_a_message(client, article, value):
    response = client.post(vote_url(article), {"helpful": value})
    assert response["Location"].endswith("?vote=invalid#feedback")
    assert not ArticleFeedback.objects.exists()
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "Veuillez choisir « Oui » ou « Non »." in page


def test_vote_without_csrf_token_is_refused(article):
    client = Client(enforce_csrf_checks=True)
    response = client.post(vote_url(article), {"helpful": "yes"})
    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()
    assert not ArticleFeedback.objects.exists()


def test_vote_with_csrf_token_works(article):
    client = Client(enforce_csrf_checks=True)
    client.get(article.url)
    token = client.cookies["csrftoken"].value
    response = client.post(vote_url(article), {"helpful": "no", "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert article.feedback_tally() == {"yes": 0, "no": 1}


def test_get_is_not_a_vote(client, article):
    assert client.get(vote_url(article)).status_code == 405
    assert not ArticleFeedback.objects.exists()


def test_javascript_vote_gets_json(client, article):
    response = client.post(
        vote_url(article), {"helpful": "yes"}, headers={"x-requested-with": "fetch"}
    )
    assert response.json() == {"status": "recorded", "message": "Merci de votre réponse."}


def test_no_personal_data_is_kept(client, article):
    client.post(vote_url(article), {"helpful": "yes"}, REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in ArticleFeedback._meta.get_fields()}
    assert fields == {"id", "page", "helpful", "created_on"}
    cookie = client.cookies["news_votes"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "203.0.113.9" not in cookie.value


def test_tampered_cookie_is_ignored(client, article):
    client.cookies["news_votes"] = f"{article.pk}:forged"
    response = client.post(vote_url(article), {"helpful": "yes"})
    assert response["Location"].endswith("?vote=recorded#feedback")


def test_staff_see_the_tally_in_the_admin(admin_client, article):
    ArticleFeedback.objects.create(page=article, helpful=True)
    ArticleFeedback.objects.create(page=article, helpful=False)
    ArticleFeedback.objects.create(page=article, helpful=True)
    content = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Lecteurs qui l’ont trouvé utile : 2." in content
    assert "Lecteurs qui ne l’ont pas trouvé utile : 1." in content
