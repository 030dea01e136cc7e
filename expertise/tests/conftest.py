"""Fixtures of the expertise tests: a French index with an English translation."""

import pytest

from expertise.factories import ExpertiseIndexPageFactory
from tests.fixtures.site import publish_translation


@pytest.fixture
def expertise_index(site_tree):
    index = ExpertiseIndexPageFactory(parent=site_tree.fr_home)
    english = publish_translation(
        index, site_tree.locales["en"], title="Our expertise", slug="expertise"
    )
    return index, english
