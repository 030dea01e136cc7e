"""Fixtures of the newsletter tests: its page in both languages, a way to post the form as a
browser does (without a CSRF token, as the cached footer's), and the links of an email."""

import re

import pytest
from django.test import Client

# The membership form's box leads here: its page and its way to submit an application.
from membership.tests.conftest import make_application, membership  # noqa: F401
from newsletter.factories import NewsletterPageFactory
from tests.fixtures.roles import body  # noqa: F401 - imported from here by the tests
from tests.fixtures.site import publish_translation

SUBSCRIBE = {"fr": "/fr/newsletter-subscription/", "en": "/en/newsletter-subscription/"}


@pytest.fixture
def newsletter_page(site_tree):
    page = NewsletterPageFactory(parent=site_tree.fr_home)
    page.english = publish_translation(
        page, site_tree.locales["en"], title="Newsletter", slug="newsletter"
    )
    return page


@pytest.fixture
def strict_client():
    """A browser that has no CSRF token to give (the footer is cached with the page)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def subscribe(strict_client, newsletter_page, django_capture_on_commit_callbacks):
    """POST the form; its emails are sent as after a real commit."""

    def post(email="marie@exemple.org", name="Marie", language="fr", page="fr", **extra):
        data = {"email": email, "name": name, "language": language, "nickname": "", **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return strict_client.post(SUBSCRIBE[page], data)

    return post


def link_in(message, marker: str) -> str:
    """The first address of ``message``'s text that contains ``marker``, as a local path."""
    for url in re.findall(r"https?://\S+", message.body):
        if marker in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no link with {marker!r} in:\n{message.body}")
