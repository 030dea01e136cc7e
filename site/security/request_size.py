"""Request bodies are capped before they are read.

Django limits form fields in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but not uploaded
files, which it spools to a temporary file on disk as they arrive: without a cap, one
client could fill the disk with a single request. A body declared larger than
``MAX_REQUEST_BODY_BYTES`` (40 MB: well above the three 10 MB attachments a form takes,
far below what would hurt) is refused with 413 and a page in the visitor's language,
before a byte of it is read. A body without a declared length (chunked) is never read by
Django at all. The load balancer in front applies the same cap (docs/deployment.md).
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) <= settings.MAX_REQUEST_BODY_BYTES:
            return self.get_response(request)
        # In the language of the address (LocaleMiddleware has run).
        response = TemplateResponse(
            request,
            "413.html",
            {"limit_mb": settings.MAX_REQUEST_BODY_BYTES // (1024 * 1024)},
            status=413,
        )
        response.render()
        add_never_cache_headers(response)
        return response
