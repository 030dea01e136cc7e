"""The site's security headers, as data the settings use.

Content-Security-Policy (django-csp): the public site loads nothing but its own files —
its CSS, its JavaScript, its fonts, its images — so every source is 'self' and there is
no 'unsafe-inline' anywhere (the templates have no inline script or style). Two
exceptions: image hosts (media on object storage or a CDN, from its settings by
:func:`media_hosts`, and CSP_IMG_HOSTS) and the
video sites whose players editors embed (CSP_FRAME_HOSTS).

The Wagtail admin gets a policy of its own (``AdminContentSecurityPolicyMiddleware``):
Wagtail 7 still writes inline scripts and style attributes, so there — and only there —
scripts and styles may be inline; everything else stays 'self' (no script, font, frame,
image or connection from another host, no plugin, no foreign form target), which still
stops an injected script from loading code or sending data elsewhere. Gravatar is off
(WAGTAIL_GRAVATAR_PROVIDER_URL), so staff avatars reveal nothing to a third party.

Permissions-Policy (django-permissions-policy): the site uses no device or powerful
feature, so all are off, for it and for any embedded frame.

Cross-Origin-Resource-Policy (Django has no setting for it): every response, pages,
documents, static files and media alike, may be loaded by this origin only, so another
site cannot embed a member's document or a page in a way that leaks it (Spectre-style
reads). Nothing the site sends is meant to be loaded by another origin: its emails carry
no images, and images on object storage come from the bucket, not from here.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)
# What the admin's policy changes (django-csp's per-response replacement); image
# previews before an upload are also allowed (blob: URLs).
ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}


def content_security_policy(img_hosts: list[str], frame_hosts: list[str]) -> dict:
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *img_hosts],
            "font-src": [SELF],
            "connect-src": [SELF],
            "media-src": [SELF],
            "frame-src": [SELF, *frame_hosts],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            # Wagtail's preview shows pages in a frame of the admin (same origin).
            "frame-ancestors": [SELF],
        },
    }


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def media_hosts(
    media_url: str, custom_domain: str, endpoint_url: str, bucket: str, region: str
) -> list[str]:
    """Where images come from when they are not on the site, for ``img-src``: an absolute
    ``MEDIA_URL``, the CDN's domain (``AWS_S3_CUSTOM_DOMAIN``), or the bucket's own
    addresses (at ``S3_ENDPOINT_URL``, or AWS's), so the policy follows the configuration
    by itself (``CSP_IMG_HOSTS`` adds any other)."""
    hosts = [_origin(media_url)]
    if custom_domain:
        hosts.append(f"https://{custom_domain}")
    elif bucket and endpoint_url:
        parts = urlsplit(endpoint_url)
        hosts += [_origin(endpoint_url), f"{parts.scheme}://{bucket}.{parts.netloc}"]
    elif bucket:
        hosts.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            hosts.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return list(dict.fromkeys(host for host in hosts if host))


DISABLED_FEATURES = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "browsing-topics",
]


def permissions_policy() -> dict[str, list[str]]:
    return {feature: [] for feature in DISABLED_FEATURES}


CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"


class CrossOriginResourcePolicyMiddleware:
    """Adds ``Cross-Origin-Resource-Policy`` to every response that has none (outside
    WhiteNoise, so static files get it too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Just inside django-csp's middleware: admin responses get ADMIN_DIRECTIVES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            images = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
            response._csp_replace = {**ADMIN_DIRECTIVES, "img-src": [*images, "blob:"]}
        return response
