"""Template tags for the plain-text emails."""

from django import template

from consortium.messaging.sender import postal_addresses

register = template.Library()


@register.simple_tag
def sender_addresses() -> list[str]:
    """Each office's full postal address (CASL), for the emails' signature."""
    return postal_addresses()
