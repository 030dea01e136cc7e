"""Cache headers (public pages shared-cacheable; admin, forms, search and sessions never)
and the purge of shared caches on publish, unpublish, move and delete, sent over HTTP to
a real local server that records the PURGE requests (as Varnish would receive them)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils.cache import get_max_age

from membership.tests.conftest import membership  # noqa: F401 - the form page's fixture
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_public_pages_are_cacheable_by_shared_caches(client, site_tree):
    response = client.get("/fr/")
    assert response.status_code == 200
    directives = cache_control(response)
    assert {"public", "s-maxage=600", "stale-while-revalidate=86400"} <= directives
    assert get_max_age(response) == 60
    assert "Accept-Encoding" in response["Vary"]
    assert "private" not in directives and "no-cache" not in directives


@pytest.mark.usefixtures("membership")
@pytest.mark.parametrize(
    "url", ["/fr/adhesion/", "/fr/recherche/?q=coop", "/en/search/?q=coop", "/fr/adhesion/merci/"]
)
def test_forms_and_search_are_never_cached(client, site_tree, url):
    directives = cache_control(client.get(url))
    assert "no-cache" in directives or "no-store" in directives, directives
    assert "public" not in directives


def test_the_admin_and_staff_sessions_are_never_cached(admin_client, site_tree):
    for url in ("/admin/", "/admin/login/", "/fr/"):
        directives = cache_control(admin_client.get(url))
        assert "public" not in directives, url
        assert "no-cache" in directives or "private" in directives, url


class PurgeRecorder(BaseHTTPRequestHandler):
    """Accepts PURGE requests and records (Host, path), like a Varnish would act on."""

    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.received = []
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def purged_paths(received) -> set[str]:
    return {path for _host, path in received}


def test_publish_unpublish_move_and_delete_purge_the_page_and_its_listings(purge_server, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.fr_home)
    other_index = NewsIndexPageFactory(parent=site_tree.fr_home, slug="archives", title="Archives")
    article = NewsPageFactory(parent=index, slug="entente", live=False)
    purge_server.clear()

    article.save_revision().publish()
    assert {"/fr/actualites/entente/", "/fr/actualites/", "/fr/"} <= purged_paths(purge_server)

    purge_server.clear()
    article.refresh_from_db()
    article.unpublish()
    assert {"/fr/actualites/entente/", "/fr/actualites/"} <= purged_paths(purge_server)

    article.save_revision().publish()
    purge_server.clear()
    article.refresh_from_db()
    article.move(other_index, pos="last-child")
    paths = purged_paths(purge_server)
    assert "/fr/actualites/entente/" in paths  # the old address
    assert {"/fr/archives/entente/", "/fr/archives/", "/fr/actualites/"} <= paths

    purge_server.clear()
    article.refresh_from_db()
    article.delete()
    assert {"/fr/archives/entente/", "/fr/archives/"} <= purged_paths(purge_server)


def test_no_backend_no_purge(purge_server, site_tree, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    purge_server.clear()  # what the site's set-up published
    index = NewsIndexPageFactory(parent=site_tree.fr_home)
    NewsPageFactory(parent=index, slug="entente").save_revision().publish()
    assert purge_server == []


def _key_prefix(database_url: str) -> str:
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("CACHE_KEY_PREFIX", None)
    code = "from consortium.settings import base; print(base.CACHE_KEY_PREFIX)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_the_cache_keys_carry_their_database():
    """Two sites on one Redis (staging and production, or test servers side by side) never
    share a key; every app server of one site computes the same prefix."""
    production = _key_prefix("postgres://u:p@db.example:5432/consortium")
    assert production == _key_prefix("postgres://other:secret@db.example:5432/consortium")
    assert production != _key_prefix("postgres://u:p@db.example:5432/consortium_staging")
    assert production.startswith("consortium-")
