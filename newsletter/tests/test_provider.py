"""The optional sending tool (Cyberimpact) against a local HTTP server that records every
call and answers what the test tells it (the provider itself is unreachable here): a
confirmed subscriber is added to their language's group, an unsubscribed one removed, a
failed call is retried by the outbox, and nothing is called when it is off."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from consortium.messaging.outbox import OutboxEmail, deliver_pending
from newsletter import actions
from newsletter.models import ProviderCall, Subscriber

pytestmark = pytest.mark.django_db


class RecordingServer:
    """Records (method, path, headers, JSON body) and answers from ``answers`` (a list of
    status codes, used in turn; 201 when empty)."""

    def __init__(self):
        self.calls = []
        self.answers = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length)) if length else None
                recorder.calls.append((self.command, self.path, dict(self.headers), payload))
                status = recorder.answers.pop(0) if recorder.answers else 201
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            do_POST = do_DELETE = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider(settings):
    server = RecordingServer()
    settings.CYBERIMPACT_API_TOKEN = "jeton-de-test"
    settings.CYBERIMPACT_API_URL = server.url
    settings.CYBERIMPACT_GROUPS = {"fr": "11", "en": "12"}
    yield server
    server.close()


@pytest.fixture
def pending(newsletter_page):
    def make(email="marie@exemple.org", language="fr"):
        return actions.request_subscription(
            email=email, name="Marie", language=language, source="page", text_shown="Texte"
        )

    return make


def test_a_confirmed_subscriber_is_added_to_their_languages_group(
    provider, pending, django_capture_on_commit_callbacks
):
    subscriber = pending(language="en")
    assert provider.calls == []  # a request alone reaches nobody
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm(subscriber)
    ((method, path, headers, payload),) = provider.calls
    assert (method, path) == ("POST", "/members")
    assert headers["Authorization"] == "Bearer jeton-de-test"
    assert payload["email"] == "marie@exemple.org" and payload["groups"] == ["12"]
    assert payload["language"] == "en_ca" and payload["relationType"] == "express-consent"
    assert payload["consentProof"] == "Texte"
    assert ProviderCall.objects.get().state == OutboxEmail.State.SENT


def test_an_existing_member_joins_the_group(provider, pending, django_capture_on_commit_callbacks):
    provider.answers = [409, 200]
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm(pending())
    assert [(method, path) for method, path, _h, _p in provider.calls] == [
        ("POST", "/members"),
        ("POST", "/members/marie%40exemple.org/groups"),
    ]
    assert provider.calls[1][3] == {"groups": ["11"]}


def test_an_unsubscribe_removes_them_from_the_group(
    provider, pending, django_capture_on_commit_callbacks
):
    subscriber = pending()
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm(subscriber)
    with django_capture_on_commit_callbacks(execute=True):
        actions.unsubscribe(subscriber)
    assert provider.calls[-1][:2] == ("DELETE", "/members/marie%40exemple.org/groups/11")


def test_a_failing_provider_is_retried_until_it_answers(
    provider, pending, django_capture_on_commit_callbacks
):
    provider.answers = [503, 500]
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm(pending())
    call = ProviderCall.objects.get()
    assert call.state == OutboxEmail.State.PENDING and call.attempts == 1
    assert "HTTP 503" in call.last_error
    assert deliver_pending() == (0, 1)  # the cron's retry: 500 this time
    assert deliver_pending() == (1, 1)  # then 201
    call.refresh_from_db()
    assert call.state == OutboxEmail.State.SENT and call.attempts == 3
    assert len(provider.calls) == 3


def test_an_unreachable_provider_loses_nothing(
    settings, pending, django_capture_on_commit_callbacks
):
    settings.CYBERIMPACT_API_TOKEN = "jeton"
    settings.CYBERIMPACT_API_URL = "http://127.0.0.1:9"  # nothing listens (discard port)
    settings.CYBERIMPACT_GROUPS = {"fr": "11", "en": "12"}
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = actions.confirm(pending())
    assert subscriber.status == Subscriber.Status.CONFIRMED
    call = ProviderCall.objects.get()
    assert call.state == OutboxEmail.State.PENDING and "Connection refused" in call.last_error


def test_a_late_addition_after_an_unsubscribe_adds_nobody(
    provider, pending, django_capture_on_commit_callbacks
):
    provider.answers = [503]
    subscriber = pending()
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm(subscriber)
    with django_capture_on_commit_callbacks(execute=True):
        actions.unsubscribe(subscriber)
    deliver_pending()  # the addition's retry comes after the removal
    assert [method for method, *_rest in provider.calls] == ["POST", "DELETE"]


def test_off_by_default_nothing_is_called(settings, pending, django_capture_on_commit_callbacks):
    assert settings.CYBERIMPACT_API_TOKEN == ""
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = actions.confirm(pending())
        actions.unsubscribe(subscriber)
    assert ProviderCall.objects.count() == 0
