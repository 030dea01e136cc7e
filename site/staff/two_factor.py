"""Staff sign-in with a second factor (SPEC §6; wagtail-2fa on django-otp).

- Who: every account with the « enable_2fa » permission (``WAGTAIL_2FA_REQUIRED``):
  superusers, the groups that read membership applications (setup_site gives it to them)
  and any group an administrator gives it to. Their first sign-in leads to enrolment.
- How: a TOTP app (wagtail-2fa's device views, with our templates under
  ``templates/wagtail_2fa/``), a passkey or security key (WebAuthn, django-otp-webauthn:
  enrolled on the same account page, used with one button at the code step), and ten
  recovery codes (django-otp static tokens), each good once, made on « Codes de
  secours » and shown only then. The sign-in code form takes a code or a recovery code;
  django-otp slows repeated wrong codes down (exponential back-off).

wagtail-2fa's gaps (its code form, its menu label, its middleware) are filled in
``consortium.upstream.wagtail_2fa``, django-otp-webauthn's in
``consortium.upstream.otp_webauthn``.
"""

from base64 import b32encode

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_DEVICE_NAME = "recovery"
RECOVERY_CODE_COUNT = 10
ENABLE_PERMISSION = ("wagtailadmin", "enable_2fa")


def requires_second_factor(user) -> bool:
    return user.is_active and user.has_perm(".".join(ENABLE_PERMISSION))


def has_authenticator(user) -> bool:
    """An app or a passkey: what recovery codes stand in for."""
    return (
        TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
        or passkeys_of(user).exists()
    )


def passkeys_of(user):
    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def authenticator_key(device: TOTPDevice) -> str:
    """The device's secret as an authenticator app asks for it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


def new_recovery_codes(user) -> list[str]:
    """Ten new recovery codes for ``user``; the previous ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


@never_cache
def recovery_codes(request):
    """« Codes de secours »: how many are left; a POST makes ten new ones, shown once."""
    user = request.user
    authenticator = has_authenticator(user)
    codes = new_recovery_codes(user) if request.method == "POST" and authenticator else None
    return TemplateResponse(
        request,
        "consortium/two_factor/recovery_codes.html",
        {
            "codes": codes,
            "remaining": remaining_recovery_codes(user),
            "has_authenticator": authenticator,
        },
    )
