"""The admin speaks French unless a staff member chooses otherwise.

Django's LocaleMiddleware picks the browser's language for addresses outside the
language prefixes, so an account with no preference got an English admin from an
English browser. Under ``/admin/`` the site's language (``LANGUAGE_CODE``) is activated
instead; Wagtail then applies the account's own choice (Compte → Préférences), if any.
"""

from django.conf import settings
from django.utils import translation

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
