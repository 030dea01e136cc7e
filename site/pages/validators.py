"""Validation shared by the content models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def require_alt_text(image_id, alt_text: str, field_name: str):
    """An image placed on a page needs its own alternative text (never the file's title)."""
    if image_id and not (alt_text or "").strip():
        raise ValidationError({field_name: _("Describe the image: alternative text is required.")})


def validate_link_target(value: str):
    """Accept an absolute http(s) URL, a site path (« /fr/... ») or an anchor (« #... »)."""
    allowed = ("https://", "http://", "/", "#", "mailto:", "tel:")
    if value and (not value.startswith(allowed) or value.startswith("//")):
        raise ValidationError(
            _("Enter a web address (https://…), a path (/fr/…) or an anchor (#…).")
        )
