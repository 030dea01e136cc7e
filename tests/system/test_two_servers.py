"""Scale-out: two app servers (gunicorn on two loopback ports, production settings) share
one PostgreSQL and one Redis, as behind a load balancer.

Membership applications are sent to both at the same moment: none is lost or duplicated,
and each gets its own reference. A page is then published through the admin of the first
server and read through the second: the new title is served within a second (the copy a
worker keeps in memory, consortium.caching.page_cache), in the page and in the menus (the site
chrome lives in the shared Redis cache, consortium.caching.content_version).
"""

import re
import threading
import time

import pytest
from django.urls import reverse
from wagtail.models import Page

from membership.models import MembershipApplication
from tests.processes import free_port, redis_url
from tests.production_stack import (
    Browser,
    application,
    prepare_site,
    start_server,
    wait_until_up,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REDIS_URL = redis_url(1)
PER_SERVER = 8
PASSWORD = "deux-serveurs-1-mot-de-passe"  # noqa: S105


@pytest.fixture
def servers(demo_copy, tmp_path, transactional_db):
    """Two production servers on the test database, with the demo site committed."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = prepare_site(demo_copy, tmp_path, "deux", PASSWORD, REDIS_URL=REDIS_URL)
    ports = [free_port(), free_port()]
    processes = [start_server(port, env) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            output = process.communicate(timeout=30)[0].decode()
            assert "Traceback" not in output, output[-3000:]
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_two_servers_share_applications_and_published_pages(servers):
    ports = servers
    barrier = threading.Barrier(PER_SERVER * len(ports))
    outcomes: list = []

    def apply(server: int, number: int):
        browser = Browser(ports[server])
        try:
            token = browser.csrf_token("/fr/adhesion/")
            barrier.wait(timeout=60)
            data = {**application(number, server), "csrfmiddlewaretoken": token}
            status, headers, _body = browser.request("/fr/adhesion/", data)
            outcomes.append((status, headers.get("Location", "")))
        except BaseException as error:  # noqa: BLE001 — reported below
            outcomes.append((error, ""))

    threads = [
        threading.Thread(target=apply, args=(server, number))
        for server in range(len(ports))
        for number in range(PER_SERVER)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == PER_SERVER * len(ports)
    assert all(status == 302 and "/merci/" in location for status, location in outcomes), outcomes

    # No lost application, no duplicate, one reference each.
    stored = MembershipApplication.objects.all()
    expected = {
        application(number, server)["organisation_name"]
        for server in range(len(ports))
        for number in range(PER_SERVER)
    }
    assert sorted(stored.values_list("organisation_name", flat=True)) == sorted(expected)
    references = list(stored.values_list("reference", flat=True))
    assert len(set(references)) == len(references) == len(expected)

    # A page in the main menu, read through the second server (its chrome now in Redis)…
    about = Page.objects.get(slug="a-propos").specific
    reader = Browser(ports[1])
    status, _headers, html = reader.request("/fr/a-propos/")
    assert status == 200 and about.title in html
    # …gets a new title in a draft, published through the first server's admin.
    about.title = "Qui sommes-nous ?"
    about.save_revision()
    editor = Browser(ports[0])
    assert editor.sign_in("deux", PASSWORD) == 302  # password, then the second factor
    publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    publish += f"?id={about.pk}&next=/admin/"
    token = editor.csrf_token(publish)
    status, _headers, _body = editor.request(publish, {"csrfmiddlewaretoken": token})
    assert status == 302, status

    # Each worker keeps the copies it served in memory for PAGE_CACHE_LOCAL_SECONDS (1 s):
    # the second server answers the new title within that second.
    deadline = time.monotonic() + 1.5
    status, _headers, html = reader.request("/fr/a-propos/")
    while "Qui sommes-nous ?" not in html and time.monotonic() < deadline:
        status, _headers, html = reader.request("/fr/a-propos/")
    assert status == 200
    assert "<h1" in html and "Qui sommes-nous ?" in re.search(
        r"<h1[^>]*>(.*?)</h1>", html, re.S
    ).group(1)
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert "Qui sommes-nous ?" in menu
    # And on another page of the second server, never rendered since: the menu is fresh too.
    status, _headers, html = reader.request("/fr/contact/")
    assert "Qui sommes-nous ?" in re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
