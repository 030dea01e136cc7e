"""The way from a field of expertise to its request form."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language

from consortium.caching import content_version

from ..models import ServiceRequestPage

register = template.Library()


@register.simple_tag(takes_context=True)
def service_request_url(context, field) -> str:
    """The request form in ``field``'s language with that field chosen ("" when the site
    has no live request page); the form's address is kept with the site chrome."""
    request = context.get("request")

    def build() -> str:
        page = ServiceRequestPage.objects.live().filter(locale_id=field.locale_id).first()
        return (page.get_url(request) or "") if page else ""

    url = content_version.cached(
        "service-request-url", build, get_language(), field.locale_id, request=request
    )
    return f"{url}?{urlencode({'expertise': field.slug})}" if url else ""
