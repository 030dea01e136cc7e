"""The anonymisation log (Loi 25): one row for every run of a retention command."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnonymisationRecord(models.Model):
    """What a retention command did: when, why, to how many, how, and who ran it. Written
    by consortium.cases.retention.record_run (never by a ``--dry-run``); read by the privacy
    officer (privacy app); never edited."""

    ran_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    command = models.CharField(_("command"), max_length=60)
    purpose = models.CharField(_("purpose"), max_length=300)
    count = models.PositiveIntegerField(_("number of records"))
    method = models.CharField(_("method"), max_length=300)
    run_by = models.CharField(_("run by"), max_length=150)

    class Meta:
        verbose_name = _("anonymisation log entry")
        verbose_name_plural = _("anonymisation log")
        ordering = ["-ran_at", "-pk"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M} · {self.command} · {self.count}"
