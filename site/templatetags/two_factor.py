"""``{{ device|authenticator_key }}``: a TOTP device's key as an authenticator app takes it;
``{% passkeys user as keys %}``: the account's passkeys and security keys."""

from django import template

from consortium.staff.two_factor import authenticator_key as key_of
from consortium.staff.two_factor import passkeys_of

register = template.Library()


@register.filter
def authenticator_key(device) -> str:
    return key_of(device)


@register.simple_tag
def passkeys(user):
    return list(passkeys_of(user))
