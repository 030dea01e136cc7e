"""« Cet article vous a-t-il été utile ? »: one vote per browser, no personal data, and an
article that stays cacheable."""

import pytest
from django.test import Client

from news.models import ArticleFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_articles):
    return make_articles(1)[0]


def vote_url(article):
    return f"/news-feedback/{article.pk}/"


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


def test_the_article_has_no_csrf_token_and_no_cookie_so_it_can_be_cached(article):
    """A token would tie every cached copy of the article to one visitor (news.feedback)."""
    client = Client(enforce_csrf_checks=True)
    response = client.get(article.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    response = client.post(vote_url(article), {"helpful": "yes"})
    assert response.status_code == 303
    assert article.feedback_tally() == {"yes": 1, "no": 0}


def test_only_live_articles_take_votes(client, article):
    article.unpublish()
    # Not found (Django's locale middleware then offers the /fr/ address, itself a 404).
    for url in (vote_url(article), "/news-feedback/999999/"):
        response = client.post(url, {"helpful": "yes"}, follow=True)
        assert response.status_code == 404
    assert not ArticleFeedback.objects.exists()


def test_the_vote_answers_in_the_articles_language(client, article):
    response = client.post(vote_url(article), {"helpful": "maybe"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert response.json()["message"] == "Veuillez choisir « Oui » ou « Non »."


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


def test_votes_from_one_connection_are_limited(article, settings, make_articles):
    """A script posting from one address (new « browsers » every time) cannot stuff the
    tallies; other readers still vote."""
    settings.NEWS_VOTE_RATE_LIMIT = "3/h"
    outcomes = [
        Client(REMOTE_ADDR="198.51.100.9")
        .post(vote_url(article), {"helpful": "yes"}, headers={"x-requested-with": "fetch"})
        .json()["status"]
        for _ in range(5)
    ]
    assert outcomes == ["recorded"] * 3 + ["limited"] * 2
    assert article.feedback_tally() == {"yes": 3, "no": 0}
    limited = Client(REMOTE_ADDR="198.51.100.9").post(vote_url(article), {"helpful": "no"})
    assert limited["Location"].endswith("?vote=limited#feedback")
    page = Client().get(limited["Location"].split("#")[0]).content.decode()
    assert "Trop de réponses ont été envoyées depuis votre connexion" in page
    assert (
        Client(REMOTE_ADDR="203.0.113.4")
        .post(vote_url(article), {"helpful": "no"})["Location"]
        .endswith("?vote=recorded#feedback")
    )
