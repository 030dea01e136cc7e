"""Rendered public pages from the shared cache (consortium.caching.page_cache): kept when a CDN may
keep them, never when personal, and never served stale after a change."""

import time

import pytest
from django.test import override_settings
from wagtail.models import Page

from consortium.caching import content_version, page_cache
from consortium.caching.page_cache import HEADER
from home.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE=True):
        yield


@pytest.fixture
def about(site_tree):
    return StandardPageFactory(parent=site_tree.fr_home, title="À propos", slug="a-propos")


def test_a_public_page_is_rendered_once_then_served_from_the_cache(client, about):
    first = client.get("/fr/a-propos/")
    second = client.get("/fr/a-propos/")
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")
    assert second.content == first.content
    # The security headers are those of every response, not a stored copy's.
    assert "Content-Security-Policy" in second and "Permissions-Policy" in second
    assert "public" in second["Cache-Control"]


def test_publishing_is_seen_at_the_next_request(client, about):
    client.get("/fr/a-propos/")
    about.title = "Qui sommes-nous ?"
    about.save_revision().publish()
    response = client.get("/fr/a-propos/")
    assert response[HEADER] == "miss"
    assert "Qui sommes-nous ?" in response.content.decode()
    about.unpublish()
    assert client.get("/fr/a-propos/").status_code == 404


def test_query_strings_are_pages_of_their_own(client, about):
    client.get("/fr/a-propos/")
    assert client.get("/fr/a-propos/?page=2")[HEADER] == "miss"


def test_staff_and_visitors_with_messages_are_never_served_a_copy(client, admin_client, about):
    client.get("/fr/a-propos/")
    response = admin_client.get("/fr/a-propos/")
    assert HEADER not in response
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    client.cookies["messages"] = "x"
    assert HEADER not in client.get("/fr/a-propos/")


@pytest.mark.parametrize("url", ["/fr/recherche/?q=gouvernance", "/fr/page-introuvable/"])
def test_search_and_missing_pages_are_never_kept(client, site_tree, url):
    client.get(url)
    assert client.get(url).get(HEADER) != "hit"  # a search's query string: not even looked up


def test_pages_with_a_form_are_never_kept(client, site_tree):
    from membership.factories import MembershipPageFactory

    MembershipPageFactory(parent=site_tree.fr_home)
    for _attempt in range(2):
        response = client.get("/fr/adhesion/")
        assert response.status_code == 200
        assert response[HEADER] == "miss"


class CountingCache:
    """The real cache, counting the reads made through it."""

    def __init__(self, cache):
        self.cache, self.reads = cache, []

    def __getattr__(self, name):
        attribute = getattr(self.cache, name)
        if name in {"get", "get_many", "has_key"}:

            def counted(*args, **kwargs):
                self.reads.append(args[0] if args else "")
                return attribute(*args, **kwargs)

            return counted
        return attribute


def test_static_files_are_answered_before_any_cache_read(client, about, monkeypatch):
    counting = CountingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    monkeypatch.setattr(content_version, "cache", counting)
    response = client.get("/static/consortium/css/site.css")
    assert response.status_code == 200 and b"{" in b"".join(response.streaming_content)
    assert counting.reads == []
    # A page does read the cache through the same path (the counter sees it).
    client.get("/fr/a-propos/")
    assert counting.reads


def count_shared_reads(monkeypatch) -> CountingCache:
    counting = CountingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    monkeypatch.setattr(content_version, "cache", counting)
    return counting


@override_settings(PAGE_CACHE_LOCAL_SECONDS=0)
def test_a_kept_page_costs_one_cache_round_trip(client, about, monkeypatch):
    """Without the memory layer, the version and the copy are read together (one MGET)."""
    client.get("/fr/a-propos/")
    counting = count_shared_reads(monkeypatch)
    assert client.get("/fr/a-propos/")[HEADER] == "hit"
    assert len(counting.reads) == 1


def test_a_page_read_again_within_the_second_costs_no_shared_cache_read(client, about, monkeypatch):
    first = client.get("/fr/a-propos/")
    counting = count_shared_reads(monkeypatch)
    again = [client.get("/fr/a-propos/") for _ in range(3)]
    assert [response[HEADER] for response in again] == ["hit"] * 3
    assert counting.reads == []
    assert all(response.content == first.content for response in again)
    # Each is a copy: the headers the outer middleware sets are those of this response.
    assert all("Content-Security-Policy" in response for response in again)


@override_settings(PAGE_CACHE_LOCAL_SECONDS=0.3)
def test_a_change_made_by_another_server_is_seen_within_the_memory_lifetime(client, about):
    assert "À propos" in client.get("/fr/a-propos/").content.decode()
    # Another server publishes: the content changes and the shared version moves on,
    # without this process seeing either (no signal here).
    Page.objects.filter(pk=about.pk).update(title="Qui sommes-nous ?")
    content_version.cache.set(content_version.VERSION_KEY, "published-elsewhere", timeout=None)
    kept = client.get("/fr/a-propos/")
    assert kept[HEADER] == "hit" and "À propos" in kept.content.decode()
    time.sleep(0.35)  # the copy in memory has expired: Redis is asked, the version has moved
    fresh = client.get("/fr/a-propos/")
    assert fresh[HEADER] == "miss" and "Qui sommes-nous ?" in fresh.content.decode()
