"""Hostile or odd input, and the faults that do not need a server of their own: the real
client address, the page cache that cannot be flooded, bodies over the cap, literal
exports and emails, PDFs with active content, a mail server that never answers."""

import time

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from consortium.security.client_address import client_address, log_network

pytestmark = pytest.mark.django_db


# -- the real client address ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("192.0.2.9", "", "192.0.2.9"),  # no proxy
        ("192.0.2.9", "203.0.113.5", "192.0.2.9"),  # untrusted peer: header ignored
        ("10.0.0.2", "203.0.113.5", "203.0.113.5"),  # the balancer
        ("10.0.0.2", "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # forged left part ignored
        ("10.0.0.2", "203.0.113.5, 10.0.0.7", "203.0.113.5"),  # two trusted hops
        ("10.0.0.2", "garbage, 203.0.113.5", "203.0.113.5"),
        ("10.0.0.2", "203.0.113.5:4711", "203.0.113.5"),
        ("10.0.0.2", "[2001:db8::7]:443", "2001:db8::7"),
        ("10.0.0.2", "", "10.0.0.2"),
    ],
)
def test_client_address(settings, peer, forwarded, expected):
    settings.FORWARDED_ALLOW_IPS = "10.0.0.0/8, ::1"
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_request_log_names_the_clients_network_not_the_person():
    assert log_network("203.0.113.77") == "203.0.113.0/24"
    assert log_network("2001:db8:1234:5678::1") == "2001:db8:1234::/48"


# -- the page cache cannot be flooded --------------------------------------------------------
def test_unknown_query_strings_never_create_cache_entries(site_tree, settings, client):
    settings.PAGE_CACHE = True
    for number in range(20):
        response = client.get(f"/fr/?utm={number}")
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert client.get("/fr/?page=abc%00").get("X-Page-Cache") is None
    assert client.get("/fr/?page=1&page=2").get("X-Page-Cache") is None
    assert client.get("/fr/").get("X-Page-Cache") == "miss"
    assert client.get("/fr/").get("X-Page-Cache") == "hit"
    assert client.get("/fr/?page=2").get("X-Page-Cache") == "miss"


def test_rate_limit_counters_are_not_in_the_page_cache(settings):
    from django.core.cache import caches

    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    counters = caches["ratelimit"]
    assert counters.add("k", 1, 60) and counters.incr("k") == 2
    caches["default"].clear()  # page-cache pressure, or Redis restarting
    assert counters.get("k") == 2


# -- bodies over the cap ------------------------------------------------------------------
def test_a_body_over_the_cap_is_refused_before_it_is_read(site_tree, client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    response = client.post(
        "/en/", data=b"x" * 10, content_type="application/octet-stream", CONTENT_LENGTH="5000"
    )
    assert response.status_code == 413
    assert "Files too large" in response.content.decode()


# -- a mail server that never answers --------------------------------------------------------
def test_a_silent_mail_server_never_holds_a_request(
    client, admin_user, queued_mail, django_capture_on_commit_callbacks
):
    admin_user.email = "admin@example.org"
    admin_user.save()
    # Warm (URLs, templates): what is timed below is the request, not a first load.
    assert client.get("/admin/password_reset/").status_code == 200
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": "admin@example.org"})
    known = time.monotonic() - started
    assert response.status_code == 302
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": "nobody@example.org"})
    unknown = time.monotonic() - started
    assert response.status_code == 302
    assert known < 0.5 and unknown < 0.5  # the same page, at once, known or not
    assert queued_mail == []  # nothing talked to the mail server in the request
    emails = DBTaskResult.objects.filter(task_path="consortium.messaging.mail.send_queued_email")
    task = emails.get()
    assert task.args_kwargs["args"][0]["to"] == ["admin@example.org"]

    # The worker then meets the silent server: the attempt times out, a retry is queued.
    from consortium.messaging.mail import send_queued_email

    started = time.monotonic()
    assert send_queued_email.call(*task.args_kwargs["args"]) is False
    assert time.monotonic() - started < 5
    retry = emails.exclude(pk=task.pk).get()
    assert retry.args_kwargs["args"][1] == 2 and retry.run_after > timezone.now()


def test_password_reset_is_throttled(client, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = "2/h"
    statuses = [
        client.post("/admin/password_reset/", {"email": "x@example.org"}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert not mail.outbox
