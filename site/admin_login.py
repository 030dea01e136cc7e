"""The admin's login, throttled: after ADMIN_LOGIN_RATE_LIMIT failed attempts from one IP
address (5 a minute by default), further attempts get a clear message and a 429 until the
window passes, whatever the password (django-ratelimit, on the shared cache).

Only failed attempts count, so a colleague behind the same address who types their
password right is not locked out by someone else's typos.
"""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from wagtail.admin.views.account import LoginView

GROUP = "admin-login"


class ThrottledLoginView(LoginView):
    def _usage(self, increment: bool):
        return get_usage(
            self.request,
            group=GROUP,
            key="ip",
            rate=settings.ADMIN_LOGIN_RATE_LIMIT,
            method="POST",
            increment=increment,
        )

    def _limited(self) -> bool:
        usage = self._usage(increment=False)
        return usage is not None and usage["count"] >= usage["limit"]

    def post(self, request, *args, **kwargs):
        if self._limited():
            # No authentication at all (no password hashing for the attacker): an unbound
            # form that keeps the user name typed, and the reason as a message.
            form = self.get_form_class()(
                request=request, initial={"username": request.POST.get("username", "")}
            )
            messages.error(
                request, _("Too many failed attempts from your connection: wait a minute.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        self._usage(increment=True)
        return super().form_invalid(form)
