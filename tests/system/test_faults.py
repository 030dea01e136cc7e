"""Faults of production, on the real parts: gunicorn with the production settings and its
configuration file, the test PostgreSQL database, a Redis server of the test's own that it
kills and restarts, slow clients on loopback and a body larger than the cap.

- Redis stops mid-traffic: pages are served uncached (200), static files too, the admin
  login works (sessions in the database), every application sent is stored, /healthz says
  503 naming Redis; when Redis is back the site uses it again without a restart.
- A 4 MB PDF sent at 250 kB/s (16 s) reaches the confirmation page while six clients
  dribble their headers, and other visitors are answered within 2 s all along.
- A body declared larger than the cap gets 413 before it is sent.
- X-Forwarded-Proto is believed only from FORWARDED_ALLOW_IPS.
"""

import contextlib
import json
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from membership.models import Attachment, MembershipApplication
from tests.fixtures.files import MINIMAL_PDF
from tests.processes import RedisServer, free_port, production_env, redis_url
from tests.production_stack import (
    Browser,
    application,
    database_url,
    multipart,
    prepare_site,
    start_server,
    wait_until_up,
)
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PASSWORD = "pannes-1-mot-de-passe"  # noqa: S105


def production_server(demo, tmp_path, **extra):
    """One gunicorn with the production settings on the test database and the demo."""
    # A line per request would fill the pipe that is read only at the end.
    env = prepare_site(demo, tmp_path, "pannes", PASSWORD, LOG_LEVEL="WARNING", **extra)
    port = free_port()
    return port, start_server(port, env)


def stop(process) -> str:
    process.terminate()
    output = process.communicate(timeout=30)[0].decode()
    assert "Traceback" not in output, output[-3000:]
    return output


def apply(port: int, number: int) -> tuple[int, str]:
    browser = Browser(port)
    token = browser.csrf_token("/fr/adhesion/")
    data = {**application(number, 7), "csrfmiddlewaretoken": token}
    status, headers, _body = browser.request("/fr/adhesion/", data)
    return status, headers.get("Location", "")


def healthz(port: int) -> tuple[int, dict]:
    status, _headers, body = Browser(port).request("/healthz")
    return status, json.loads(body)


def static_css_path(port: int) -> str:
    _status, _headers, html = Browser(port).request("/fr/")
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def test_redis_stops_and_comes_back_mid_traffic(demo_copy, tmp_path):
    redis = RedisServer(tmp_path)
    redis.start()
    port, server = production_server(demo_copy, tmp_path, REDIS_URL=redis.url)
    statuses: list[int] = []
    traffic = threading.Event()

    def readers():
        browser = Browser(port)
        while not traffic.is_set():
            statuses.append(browser.request("/fr/actualites/")[0])

    try:
        wait_until_up(port)
        assert healthz(port) == (200, {"status": "ok", "database": "ok", "redis": "ok"})
        assert apply(port, 1)[0] == 302
        reader = threading.Thread(target=readers)
        reader.start()
        time.sleep(1)

        redis.kill()  # mid-traffic
        time.sleep(1)
        status, body = healthz(port)
        assert status == 503 and body["redis"] == "down" and body["database"] == "ok"
        browser = Browser(port)
        status, headers, html = browser.request("/fr/")
        assert status == 200 and headers.get("X-Page-Cache") == "miss" and "<main" in html
        assert browser.request(static_css_path(port))[0] == 200
        # Staff sign in and stay signed in: sessions are in the database.
        assert browser.sign_in("pannes", PASSWORD) == 302
        assert browser.request("/admin/")[0] == 200
        # Every application sent during the outage is stored.
        outcomes = [apply(port, number) for number in range(2, 12)]
        assert all(status == 302 and "/merci/" in where for status, where in outcomes), outcomes

        redis.start()  # same port: the site finds it again by itself
        deadline = time.monotonic() + 10
        while healthz(port)[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert healthz(port) == (200, {"status": "ok", "database": "ok", "redis": "ok"})
        # Pages are kept again (each worker that lost writes empties the cache once, at
        # its first answer from Redis, so the first copies may go with it; on a loaded
        # machine a worker may still be in its retry pause: ask for a few seconds).
        reader_browser = Browser(port)
        seen: list[str] = []
        deadline = time.monotonic() + 15
        while seen[-2:] != ["hit", "hit"] and time.monotonic() < deadline:
            seen.append(reader_browser.request("/fr/a-propos/")[1].get("X-Page-Cache"))
        assert seen[-2:] == ["hit", "hit"], seen
    finally:
        traffic.set()
        redis.process.kill()
        output = stop(server)
    assert statuses and set(statuses) == {200}, sorted(set(statuses))
    assert MembershipApplication.objects.count() == 11
    assert "Redis unavailable" in output


def slow_headers(port: int, stop_event: threading.Event):
    """A client that sends its request line and headers one byte at a time."""
    request = b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for byte in request:
            if stop_event.is_set():
                return
            sock.sendall(bytes([byte]))
            time.sleep(0.05)


def slow_upload(port: int, rate: int, result: dict):
    """The membership form with a 4 MB PDF, sent at ``rate`` bytes a second."""
    browser = Browser(port)
    token = browser.csrf_token("/fr/adhesion/")
    # A 4 MB document: the smallest valid PDF, its bulk in comment lines (it ends with
    # its end-of-file marker, as every PDF does: consortium.intake.pdf_check).
    padding = b"% rapport annuel, page de remplissage\n" * (4 * 1024 * 1024 // 37)
    pdf = MINIMAL_PDF[:9] + padding + MINIMAL_PDF[9:]
    body, content_type = multipart(
        {**application(1, 9), "csrfmiddlewaretoken": token}, {"attachments": ("rapport.pdf", pdf)}
    )
    cookies = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
    head = (
        f"POST /fr/adhesion/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"X-Forwarded-Proto: https\r\nOrigin: {browser.origin}\r\n"
        f"Referer: {browser.origin}/fr/adhesion/\r\nCookie: {cookies}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        sock.sendall(head)
        chunk = rate // 10
        try:
            for offset in range(0, len(body), chunk):
                sock.sendall(body[offset : offset + chunk])
                pause = started + (offset + chunk) / rate - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
        except OSError as error:  # answered (and closed) before the end: reported below
            result["send_error"] = repr(error)
        with contextlib.suppress(OSError):
            while data := sock.recv(65536):
                answer += data
    result.update(
        seconds=time.monotonic() - started, size=len(pdf), head=answer.split(b"\r\n\r\n")[0]
    )


def test_slow_upload_and_slow_clients_do_not_stall_the_site(demo_copy, tmp_path):
    port, server = production_server(demo_copy, tmp_path, REDIS_URL=redis_url(1))
    stop_event = threading.Event()
    result: dict = {}
    try:
        wait_until_up(port)
        dribblers = [
            threading.Thread(target=slow_headers, args=(port, stop_event)) for _ in range(6)
        ]
        for thread in dribblers:
            thread.start()
        uploader = threading.Thread(target=slow_upload, args=(port, 250_000, result))
        uploader.start()
        time.sleep(1)
        latencies = []
        while uploader.is_alive():
            started = time.monotonic()
            assert Browser(port).request("/healthz")[0] == 200
            latencies.append(time.monotonic() - started)
            time.sleep(0.5)
        uploader.join()
        # A body over the cap: 413 from its headers alone, before any of it is sent.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /fr/adhesion/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
                b"Content-Type: multipart/form-data; boundary=x\r\n"
                b"Content-Length: 209715200\r\n\r\n"
            )
            refused = b""
            while b"</html>" not in refused and (data := sock.recv(65536)):
                refused += data
    finally:
        stop_event.set()
        stop(server)
    assert result["seconds"] > 15  # it really was slow: 4 MB at 250 kB/s
    assert b" 302 " in result["head"] and b"/merci/" in result["head"], result
    stored = Attachment.objects.get(
        application__organisation_name=application(1, 9)["organisation_name"]
    )
    assert stored.size == result["size"]
    assert max(latencies) < 2, latencies
    assert refused.startswith(b"HTTP/1.1 413"), refused[:200]
    assert b"Fichiers trop volumineux" in refused


def test_x_forwarded_proto_is_believed_only_from_trusted_proxies(tmp_path):
    """gunicorn decides whether the request came over HTTPS; from a peer that is not a
    trusted proxy the header is ignored, so production redirects to HTTPS."""
    port = free_port()

    def run(trusted: str) -> int:
        process = start_server(
            port,
            production_env(
                DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
                FORWARDED_ALLOW_IPS=trusted,
                WEB_CONCURRENCY="1",
                REDIS_URL=redis_url(1),
                LOG_LEVEL="WARNING",
            ),
        )
        try:
            for _attempt in range(150):
                try:
                    connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                    break
                except OSError:
                    time.sleep(0.2)
            with connection:
                connection.sendall(
                    b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    b"X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n"
                )
                answer = connection.recv(4096)
            return int(answer.split(b" ", 2)[1])
        finally:
            stop(process)

    assert run("127.0.0.1") == 200  # the proxy on this host: its HTTPS is believed
    assert run("10.9.9.9") == 301  # anyone else: the header proves nothing


def test_the_worker_survives_a_database_outage(settings, locales):
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from consortium.messaging.mail import send_queued_email

    db = connection.settings_dict
    proxy = TcpProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.start()
    through_proxy = database_url().replace(f":{db['PORT'] or 5432}/", f":{proxy.port}/")
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        env=production_env(
            DATABASE_URL=through_proxy,
            CONN_MAX_AGE="0",
            EMAIL_URL="consolemail://",
            LOG_LEVEL="WARNING",
            REDIS_URL=redis_url(1),
        ),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        time.sleep(3)
        proxy.stop()  # PostgreSQL unreachable for the worker
        time.sleep(4)
        assert worker.poll() is None, "the worker stopped with the database"
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        email = {
            "subject": "Accusé de réception pendant la panne",
            "body": "Bonjour",
            "from_email": "noreply@example.org",
            "to": ["marie@example.org"],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "headers": {},
            "alternatives": [],
            "attachments": [],
        }
        queued = send_queued_email.enqueue(email, 1)
        proxy.start()  # the database is back: the pending email goes out by itself
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            if DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL":
                break
            time.sleep(0.3)
        assert DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL"
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode()
        proxy.stop()
    assert "the database does not answer" in output, output[-2000:]
    assert "To: marie@example.org" in output  # sent (the console backend prints it)
