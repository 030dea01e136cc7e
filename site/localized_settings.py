"""The per-language site texts for the reader's language (memoised on the request)."""

from . import i18n
from .models import SiteTexts


def site_texts(request) -> SiteTexts | None:
    """The texts in the active language, else in the default language, else None (one
    query, whatever the number of languages)."""
    if not hasattr(request, "_site_texts"):
        language = i18n.current_language()
        default = i18n.default_language()
        candidates = SiteTexts.objects.filter(
            locale__language_code__in={language, default}
        ).select_related("locale")
        by_language = {texts.locale.language_code: texts for texts in candidates}
        request._site_texts = by_language.get(language) or by_language.get(default)
    return request._site_texts
