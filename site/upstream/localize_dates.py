"""Dates in the admin's language in wagtail-localize's translation editor (a gap in 1.14).

Each translated string carries a comment « Traduit manuellement le {date} »; upstream
fills the date with ``strftime``, which names the month in English whatever the admin's
language (« 2 December 2026 »). :func:`apply` makes ``StringTranslation.get_comment``
format it with Django's localised date format instead (« 2 décembre 2026 »), keeping
upstream's messages. tests/test_upstream_overrides.py notices when upstream stops using
``strftime`` there, so this module can go.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def _comment(self) -> str:
    date = date_format(timezone.localtime(self.updated_at), "DATE_FORMAT")
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return ""


upstream_get_comment = None  # upstream's method, kept for the guard


def apply() -> None:
    global upstream_get_comment
    from wagtail_localize.models import StringTranslation

    if StringTranslation.get_comment is not _comment:
        upstream_get_comment = StringTranslation.get_comment
        StringTranslation.get_comment = _comment
