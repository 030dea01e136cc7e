"""The empty membership form comes from the cache (consortium.caching.form_cache): each visitor
still gets their own CSRF token, which the form's POST validates, and never anything
another visitor typed or received."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from consortium.caching import form_cache
from expertise.factories import ExpertisePageFactory
from membership.forms import ApplicationForm
from membership.models import MembershipApplication

pytestmark = pytest.mark.django_db

URL = "/fr/adhesion/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def visit(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    return html, TOKEN.findall(html)


def test_each_visitor_gets_a_token_of_their_own_that_the_form_accepts(membership, answers):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html, first_tokens = visit(first)
    second_html, second_tokens = visit(second)
    assert len(first_tokens) == len(second_tokens) == 1
    assert first_tokens != second_tokens
    assert form_cache.CSRF_PLACEHOLDER not in first_html + second_html
    # Each visitor's token goes with their own cookie: the POST passes the CSRF check.
    response = first.post(URL, {**answers, "csrfmiddlewaretoken": first_tokens[0]})
    assert response.status_code == 302
    assert MembershipApplication.objects.filter(neq="1234567890").exists()
    # Another visitor's token with one's own cookie is refused.
    refused = second.post(URL, {**answers, "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403


def test_the_cached_form_is_the_form_a_fresh_render_gives(membership, client):
    cached_html, _ = visit(client)
    cached_again, _ = visit(client)
    translation.activate("fr")
    fresh = form_cache.render_form(
        ApplicationForm(page=membership, privacy_url="/fr/confidentialite/")
    )
    form = re.search(r"<form.*?</form>", cached_html, re.S).group(0)
    # The same HTML, the token aside.
    normalised = TOKEN.sub('name="csrfmiddlewaretoken" value="T"', form)
    expected = TOKEN.sub(
        'name="csrfmiddlewaretoken" value="T"', fresh.replace(form_cache.CSRF_PLACEHOLDER, "T")
    ).strip()
    assert normalised == expected
    assert TOKEN.sub("", cached_html) == TOKEN.sub("", cached_again)


def test_a_visitors_answers_are_never_kept_for_the_next_one(membership, answers):
    typed = {**answers, "organisation_name": "Coopérative secrète du rang 4", "neq": "12"}
    response = Client().post(URL, typed)
    assert response.status_code == 200  # sent back with an error, what they typed kept
    assert "Coopérative secrète du rang 4" in response.content.decode()
    html, _ = visit(Client())
    assert "Coopérative secrète du rang 4" not in html
    with pytest.raises(ValueError, match="unbound"):
        form_cache.render_form(ApplicationForm(typed, page=membership))


def test_a_field_of_expertise_published_appears_in_the_form_at_once(membership, client):
    html, _ = visit(client)
    assert "Gouvernance démocratique" not in html
    field = ExpertisePageFactory(
        parent=membership.fields[0].get_parent(), title="Gouvernance démocratique", live=False
    )
    field.save_revision().publish()  # as the editor's « Publier » does
    html, _ = visit(client)
    assert "Gouvernance démocratique" in html


def test_the_cached_form_costs_no_query(membership, client):
    visit(client)
    with CaptureQueriesContext(connection) as from_cache:
        visit(Client())
    cache.clear()
    with CaptureQueriesContext(connection) as rebuilt:
        visit(Client())
    # The form's own queries (its fields of expertise, the privacy page) only on a rebuild.
    assert len(from_cache) < len(rebuilt)
    assert not any(
        "expertise_expertisepage" in query["sql"] for query in from_cache.captured_queries
    )
