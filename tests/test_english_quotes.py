"""English text uses English quotation marks: « » are French. The msgids are the English
text (the French catalogue translates them), so no msgid may hold a guillemet — except the
admin's help texts of model fields and blocks below, which migrations store (the admin is
French by default; an English admin reads them as written)."""

from pathlib import Path

import polib
from django.conf import settings

FIELD_HELP_TEXTS = {
    "Change it with every change of substance, for example « 2026-1 ».",
    "text of the « check your inbox » page",
    "Write the fiscal year as two consecutive years, for example « 2024-2025 ».",
    "For example « 2024-2025 »; it is also the page's address.",
    "Where the « Contact us » buttons of the fields of expertise lead.",
    "Words of the pages this word should find, for example « juridiques ».",
    "For example « Directrice générale ». Loi 25 requires it on the website.",
    "For example « 50 » or « 4,5 M$ ».",
    "« 2011 », « Today »…",
}


def test_no_english_message_uses_french_guillemets():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/fr/LC_MESSAGES/django.po"))
    with_guillemets = {
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and ("«" in entry.msgid or "«" in (entry.msgid_plural or ""))
    }
    assert with_guillemets <= FIELD_HELP_TEXTS
    # …and the French says « »: the catalogue keeps them where French wants them.
    confirmed = catalogue.find("Your registration to “%(event)s” is confirmed.")
    assert confirmed is not None and "« %(event)s »" in confirmed.msgstr
