"""The synonyms that search adds to a query (« avocat » also finds « services juridiques »)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchSynonym(models.Model):
    """A word visitors type, and the words it should also find, in one language."""

    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    term = models.CharField(
        _("word typed"), max_length=60, help_text=_("One word, as a visitor types it.")
    )
    finds = models.CharField(
        _("also finds"),
        max_length=200,
        help_text=_("Words of the pages this word should find, for example « juridiques »."),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="unique_synonym_per_language")
        ]

    def __str__(self):
        return f"{self.term} → {self.finds}"
