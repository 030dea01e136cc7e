"""Fields of expertise in a real browser: no axe-core violation, both languages and widths."""

import pytest

from expertise.factories import ExpertisePageFactory, TeamMemberFactory
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.site import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def expertise_site(live_server, expertise_index, site_tree):
    index, english_index = expertise_index
    field = ExpertisePageFactory(parent=index, title="Services juridiques", family="law")
    field.experts.set([TeamMemberFactory(name="Équipe juridique")])
    field.save_revision().publish()
    english = publish_translation(
        field, site_tree.locales["en"], title="Legal services", slug="legal"
    )
    return live_server.url, {
        "fr-index": index.url,
        "en-index": english_index.url,
        "fr-field": field.url,
        "en-field": english.url,
    }


@pytest.mark.parametrize("browser_page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("which", ["fr-index", "en-index", "fr-field", "en-field"])
def test_no_axe_violation(expertise_site, browser_page, which):
    base, urls = expertise_site
    assert browser_page.goto(base + urls[which]).status == 200
    assert_no_axe_violations(browser_page)
