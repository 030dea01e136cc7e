"""Second-factor helpers for tests: an authenticator app for an account, the code it shows
now (computed from the device's key, as the phone app does), and a test client whose
``force_login`` also completes the second step for accounts that need it."""

import django.test
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from consortium.staff.two_factor import requires_second_factor


def give_authenticator(user, name: str = "Téléphone") -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


class Client(django.test.Client):
    """``force_login`` skips the password; for an account that signs in with a second
    factor it also marks the session verified by the account's authenticator app, as the
    code form does. The sign-in itself is tested through the real forms
    (tests/test_two_factor.py, tests/system/test_two_factor_browser.py)."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if requires_second_factor(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = give_authenticator(user).persistent_id
            session.save()
