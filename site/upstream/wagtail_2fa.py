"""Workarounds for gaps of wagtail-2fa 1.8 (with django-otp 1.7.5), kept apart so that they
go when upstream closes them; tests/test_two_factor.py has a guard for each that fails
when upstream changes.

1. Since django-otp 1.7.2 the code form must name the device a code is for (trying every
   device in turn throttled the unrelated ones); wagtail-2fa's ``TokenForm`` names none,
   so every code is refused (« Please select a device. »). ``SecondFactorForm`` chooses:
   a code of digits is for the account's authenticator app (the most recently added), any
   other for its recovery codes. Its messages are ours, in the admin's language (some of
   django-otp's have no French).
2. wagtail-2fa's menu for an account that has not verified yet is labelled « 2FA Setup »
   outside gettext: ``relabel_setup_menu`` puts our label in its place.
3. After enrolment wagtail-2fa always lands on the list of devices, though its middleware
   sent the person there from the page they asked for (``?next=``).
   ``EnrolThenContinueView`` goes on to that page (a local address only).
4. wagtail-2fa's middleware lets an unverified account reach its own code and enrolment
   pages only: a passkey (django-otp-webauthn) could be neither used at sign-in nor
   enrolled first. ``SecondFactorMiddleware`` also lets through the passkey's sign-in
   addresses (and its catalogue), and its enrolment for an account with no device yet.
"""

from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.middleware import VerifyUserPermissionsMiddleware
from wagtail_2fa.views import DeviceCreateView, LoginView

UPSTREAM_SETUP_LABEL = "2FA Setup"


class SecondFactorForm(TokenForm):
    otp_error_messages = {
        **TokenForm.otp_error_messages,
        "token_required": _("Enter the code of your authenticator app."),
        "invalid_token": _("This code is not right. Try the code your app shows now."),
        "device_required": _("This account has no authenticator app or recovery codes."),
        "n_failed_attempts": ngettext_lazy(
            "After %(failure_count)d wrong code, wait a few seconds before the next try.",
            "After %(failure_count)d wrong codes, wait a few seconds before the next try.",
            "failure_count",
        ),
        "verification_not_allowed": _("Codes cannot be checked right now; try again soon."),
    }

    def clean(self):
        token = "".join((self.cleaned_data.get("otp_token") or "").split())
        self.cleaned_data["otp_token"] = token
        device = self.device_for(token)
        self.cleaned_data["otp_device"] = device.persistent_id if device else None
        return super().clean()

    def device_for(self, token: str):
        model = TOTPDevice if token.isdigit() else StaticDevice
        return model.objects.devices_for_user(self.user, confirmed=True).order_by("-pk").first()


class SecondFactorLoginView(LoginView):
    form_class = SecondFactorForm

    def get_context_data(self, **kwargs):
        from django_otp_webauthn.models import WebAuthnCredential

        context = super().get_context_data(**kwargs)
        context["has_passkey"] = WebAuthnCredential.objects.filter(
            user=self.request.user, confirmed=True
        ).exists()
        return context


class EnrolThenContinueView(DeviceCreateView):
    def get_success_url(self):
        wanted = self.request.GET.get("next", "")
        if wanted and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return wanted
        return super().get_success_url()


def urls():
    """Before wagtail-2fa's own (same addresses and names): the code form that works, and
    the enrolment that goes on to the page asked for."""
    return [
        path("2fa/auth", SecondFactorLoginView.as_view(), name="wagtail_2fa_auth"),
        path("2fa/devices/new", EnrolThenContinueView.as_view(), name="wagtail_2fa_device_new"),
    ]


def relabel_setup_menu(request, menu_items):
    for item in menu_items:
        if item.label == UPSTREAM_SETUP_LABEL:
            item.label = _("Two-factor sign-in")


class SecondFactorMiddleware(VerifyUserPermissionsMiddleware):
    _allowed_url_names = [
        *VerifyUserPermissionsMiddleware._allowed_url_names,
        "credential-authentication-begin",
        "credential-authentication-complete",
        "js-i18n-catalog",
    ]
    _allowed_url_names_no_device = [
        *VerifyUserPermissionsMiddleware._allowed_url_names_no_device,
        "credential-registration-begin",
        "credential-registration-complete",
    ]
