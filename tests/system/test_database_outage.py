"""The database stops mid-traffic (SPEC §13, issue #32), on the production stack: gunicorn
with the production settings, Redis, and PostgreSQL reached through a TCP proxy the test
cuts. Every request that needs the database is answered 503 with ``Retry-After`` and a
page in the visitor's language (from the address, without the database); a page already
in the cache keeps answering; /healthz names the database; when the proxy comes back the
same servers answer 200 again, without a restart."""

import re
import time

import pytest

from tests.processes import free_port
from tests.production_stack import Browser, prepare_site, start_server, wait_until_up
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_database_stops_and_comes_back_mid_traffic(demo_copy, tmp_path):
    from django.db import connection

    db = connection.settings_dict
    proxy = TcpProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.start()
    env = prepare_site(demo_copy, tmp_path, "panne", "panne-1-mot-de-passe", LOG_LEVEL="ERROR")
    env["DATABASE_URL"] = re.sub(r":\d+/", f":{proxy.port}/", env["DATABASE_URL"])
    env["CONN_MAX_AGE"] = "0"
    port = free_port()
    server = start_server(port, env)
    try:
        wait_until_up(port)
        browser = Browser(port)
        for _ in range(2):
            kept = browser.request("/fr/a-propos/")
        assert kept[0] == 200 and kept[1].get("X-Page-Cache") == "hit"
        token = browser.csrf_token("/fr/adhesion/")
        assert proxy.connections, env["DATABASE_URL"]

        proxy.stop()  # PostgreSQL unreachable
        status, headers, html = browser.request("/fr/actualites/")
        assert status == 503 and headers["Retry-After"] == "30"
        assert '<html lang="fr">' in html and "Le site revient dans un instant" in html
        assert "no-cache" in headers["Cache-Control"]
        status, headers, html = browser.request("/en/news/")
        assert status == 503 and headers["Retry-After"] == "30"
        assert '<html lang="en">' in html and "The site will be back in a moment" in html
        status, headers, html = browser.request(
            "/fr/adhesion/", {"csrfmiddlewaretoken": token, "organisation_name": "Coop"}
        )
        assert status == 503 and "n’a pas été reçu" in html
        status, _headers, body = browser.request("/healthz")
        assert status == 503 and '"database": "down"' in body
        # What the cache holds keeps answering.
        status, headers, _html = browser.request("/fr/a-propos/")
        assert status == 200 and headers.get("X-Page-Cache") == "hit"

        proxy.start()  # back: the same servers answer again by themselves
        deadline = time.monotonic() + 20
        while browser.request("/fr/actualites/")[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert browser.request("/fr/actualites/")[0] == 200
        assert browser.request("/en/news/")[0] == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
        proxy.stop()
    assert server.returncode is not None, output[-2000:]
