"""Gaps of django-otp-webauthn 0.10 (passkeys beside the authenticator app), kept apart so
that they go when upstream closes them; tests/test_passkeys.py guards each.

1. It has no French, and its scripts' catalogue view reads its own folder only (Django's
   ``JavaScriptCatalog`` with ``packages``, which ignores ``LOCALE_PATHS``): the French
   of its buttons and messages is in locale/fr's djangojs.po, and ``PasskeyCatalog``
   reads the project's catalogue too. Its server messages are in
   consortium.upstream.messages.
2. Its relying party is a fixed setting (a domain, the allowed origins): the site answers
   at several addresses (staging, production, a test server on any port), so
   ``PasskeyHelper`` takes both from the request's host, which Django has already
   checked against ``ALLOWED_HOSTS``.
"""

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import urls as upstream_urls
from django_otp_webauthn.helpers import WebAuthnHelper

CATALOGUE_URL_NAME = "js-i18n-catalog"


class PasskeyHelper(WebAuthnHelper):
    def get_relying_party_domain(self) -> str:
        domain, _port = split_domain_port(self.request.get_host())
        return domain

    def get_allowed_origins(self) -> list[str]:
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class PasskeyCatalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return [*map(str, settings.LOCALE_PATHS), *super().get_paths(packages)]


def urls():
    """Upstream's addresses under the admin, with the catalogue that has French."""
    patterns = [
        pattern
        for pattern in upstream_urls.urlpatterns
        if getattr(pattern, "name", "") != CATALOGUE_URL_NAME
    ]
    patterns.append(
        path(
            "jsi18n/",
            PasskeyCatalog.as_view(packages=["django_otp_webauthn"]),
            name=CATALOGUE_URL_NAME,
        )
    )
    return [path("2fa/passkeys/", include((patterns, "otp_webauthn")))]
