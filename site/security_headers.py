"""The site's security headers, as data the settings use.

Content-Security-Policy (django-csp): the public site loads nothing but its own files —
its CSS, its JavaScript, its fonts, its images — so every source is 'self' and there is
no 'unsafe-inline' anywhere (the templates have no inline script or style). Two
exceptions are configurable: image hosts (media on object storage, CSP_IMG_HOSTS) and the
video sites whose players editors embed (CSP_FRAME_HOSTS). The Wagtail admin is left out
(it still relies on inline scripts and styles); it is protected by its login and the
other headers.

Permissions-Policy (django-permissions-policy): the site uses no device or powerful
feature, so all are off, for it and for any embedded frame.
"""

from csp.constants import NONE, SELF

ADMIN_PREFIXES = ["/admin/"]


def content_security_policy(img_hosts: list[str], frame_hosts: list[str]) -> dict:
    return {
        "EXCLUDE_URL_PREFIXES": ADMIN_PREFIXES,
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
