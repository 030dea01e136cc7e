"""Every public page, in both languages, has a favicon and a meta description (what search
engines show; Lighthouse's SEO audit asks for both), in the page's language."""

import pytest
from bs4 import BeautifulSoup

from tests.demo_pages import DEMO_PAGES

pytestmark = pytest.mark.django_db


def test_every_public_page_has_a_favicon_and_a_description(client, demo):
    descriptions = {}
    for _kind, *urls, status in DEMO_PAGES:
        for url in urls:
            response = client.get(url)
            assert response.status_code == status, url
            document = BeautifulSoup(response.content.decode(), "html.parser")
            icon = document.select_one('link[rel="icon"]')
            assert icon is not None and client.get(icon["href"]).status_code == 200, url
            description = document.select("meta[name=description]")
            assert len(description) == 1 and description[0]["content"].strip(), url
            descriptions[url] = description[0]["content"]
    # Pages without a text of their own get the site's, in the reader's language.
    assert descriptions["/fr/recherche/?q=gouvernance"].startswith("Coopérative de solidarité")
    assert descriptions["/en/search/?q=governance"].startswith("A Québec solidarity")
    # An article's is its summary.
    assert descriptions["/fr/actualites/le-consortium-devient-le-crec/"] != descriptions["/fr/"]
