"""The admin's login, throttled by django-axes.

After ``ADMIN_LOGIN_FAILURE_LIMIT`` failed attempts (5 by default) for one user name *from
one client address*, further attempts with that name from that address get a clear
message and a 429 for ``ADMIN_LOGIN_COOLOFF_MINUTES`` (5), whatever the password — no
password is even checked. The lock is on the pair: a colleague on another connection who
types their password right is never refused because of someone else's typos, and behind
the load balancer the address is the real client's (``consortium.security.client_address``).

Attempts are counted in the database (axes' own table), so a Redis outage neither opens
nor resets the throttle. A successful login clears that pair's failures.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView, PasswordResetView

from consortium.caching.ratelimit_store import limit_reached


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        credentials = {"username": request.POST.get("username", "")}
        if AxesProxyHandler.is_locked(request, credentials):
            # An unbound form that keeps the user name typed, and the reason as a message.
            form = self.get_form_class()(request=request, initial=credentials)
            messages.error(
                request,
                _(
                    "Too many failed attempts with this user name from your connection: wait a "
                    "few minutes, or ask an administrator."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """axes' answer when an attempt reaches the limit (``AXES_LOCKOUT_CALLABLE``): the same
    login page with the message, as for every attempt after it."""
    response = ThrottledLoginView.as_view()(request)
    return response.render() if hasattr(response, "render") else response


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, limited per client address (``PASSWORD_RESET_RATE_LIMIT``,
    5 an hour). The email is queued, never sent in the request (consortium.messaging.mail), so a
    known and an unknown address are answered in the same time, and the same page says
    « if an account has this address, a link was sent » in both cases."""

    def post(self, request, *args, **kwargs):
        if limit_reached(request, "admin-password-reset", settings.PASSWORD_RESET_RATE_LIMIT):
            form = self.get_form(self.get_form_class())
            form.is_valid()
            form.add_error(
                None, _("Too many password resets were asked from your connection: wait an hour.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)
