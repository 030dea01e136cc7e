"""Programmatic translation through wagtail-localize (a gap in its public API).

wagtail-localize translates through its editor; commands (the demo site, imports) need the
same result from code. This module drives its models the way the editor does — source,
translation, string translations, then ``save_target`` — so the English pages it makes are
ordinary synchronised translations that editors can later update with « Sync translated pages ».

Publishing is done here rather than by ``save_target(publish=True)``: wagtail-localize
defers that publish to ``transaction.on_commit`` with the page object as it was when the
revision was saved, so in a command that translates a parent and then its children in one
transaction the deferred publish writes the parent's stale tree counters back (the
translated home page then "loses" its children). Publishing a freshly loaded revision
immediately avoids it.
"""

from collections.abc import Mapping

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translate(
    instance, locale: Locale, strings: Mapping[str, str], *, user=None, publish=True
) -> tuple[object, list[str]]:
    """Create or update ``instance``'s translation into ``locale``.

    ``strings`` maps each source string (as wagtail-localize segments it) to its
    translation. Returns the translated instance and the source strings that had no
    translation (they keep the source text, as wagtail-localize's own fallback does).
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        else:
            missing.append(entry.msgid)
    translation.import_po(po, user=user)  # « Traduit manuellement le … » in the editor
    is_page = isinstance(instance, Page)
    translation.save_target(user=user, publish=publish and not is_page)
    translated = instance.get_translation(locale)
    if publish and is_page:
        translated = translated.specific_class.objects.get(pk=translated.pk)
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated, missing
