"""The per-language site texts for the reader's language (memoised on the request)."""

from consortium.i18n import languages
from consortium.models import SiteTexts


def site_texts(request) -> SiteTexts | None:
    """The texts in the active language, else in the default language, else None (one
    query, whatever the number of languages)."""
    if not hasattr(request, "_site_texts"):
        language = languages.current_language()
        default = languages.default_language()
        candidates = SiteTexts.objects.filter(
            locale__language_code__in={language, default}
        ).select_related("locale")
        by_language = {texts.locale.language_code: texts for texts in candidates}
        request._site_texts = by_language.get(language) or by_language.get(default)
    return request._site_texts
