"""At most 12 SQL queries on any public page that is not in a cache (SPEC §7).

The measure is strict: every page of the demo is visited once (images get their
renditions), then the whole cache is emptied, only the two home pages are visited (the
shared site chrome is cached again), and each page is counted on its first request.
Counting per request is deterministic, so it belongs in the tests; timings are in
`make bench` (docs/performance.md).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.demo_pages import DEMO_PAGES

pytestmark = pytest.mark.django_db

BUDGET = 12


def test_every_public_page_type_within_the_query_budget(client, demo):
    urls = [(url, status) for _kind, *pair, status in DEMO_PAGES for url in pair]
    for url, status in urls:
        assert client.get(url).status_code == status, url
    cache.clear()
    client.get("/fr/")
    client.get("/en/")
    counts = {}
    for url, status in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == status, url
        counts[url] = len(captured)
        if len(captured) > BUDGET:
            print(url, *(query["sql"][:150] for query in captured), sep="\n")
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, over
    # The measure is real: pages do query the database (their own content).
    assert counts["/fr/actualites/le-consortium-devient-le-crec/"] >= 5
