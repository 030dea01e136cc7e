"""`manage.py demo_code <user>`: the code a demo account's authenticator would show now
(DEBUG only), so that a newcomer on `make run` signs in with a second factor without an
app. The code is that of the device the sign-in form checks (the account's most recent
authenticator, consortium.upstream.wagtail_2fa); an account with none gets one, named
« Démo (DEBUG) ». Never in production: the command refuses unless DEBUG is on."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_DEVICE_NAME = "Démo (DEBUG)"


def current_code(user) -> str:
    devices = TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk")
    device = devices.first() or TOTPDevice.objects.create(
        user=user, name=DEMO_DEVICE_NAME, confirmed=True
    )
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


class Command(BaseCommand):
    help = "Print the current second-factor code of a demo account (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("demo_code works only with DEBUG on (local development).")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account « {username} ».")
        self.stdout.write(current_code(user))
