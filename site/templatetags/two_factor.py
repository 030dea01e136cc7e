"""``{{ device|authenticator_key }}``: a TOTP device's key as an authenticator app takes it."""

from django import template

from consortium.staff.two_factor import authenticator_key as key_of

register = template.Library()


@register.filter
def authenticator_key(device) -> str:
    return key_of(device)
