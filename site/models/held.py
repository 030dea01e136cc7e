"""Submissions held back by the anti-spam rules, kept for a person to look at."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HeldSubmission(models.Model):
    """A form sent with the honeypot filled or over the rate limit (consortium.intake.held)."""

    class Reason(models.TextChoices):
        HONEYPOT = "honeypot", _("hidden field filled (probably a robot)")
        RATE_LIMIT = "rate_limit", _("too many submissions from one connection")

    form = models.CharField(_("form"), max_length=40, db_index=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=2)
    data = models.JSONField(_("fields as typed"), default=dict)
    files = models.JSONField(_("attached files (names and sizes)"), default=list)
    # Bounded storage (consortium.intake.held): who sent it, as a keyed digest of the
    # address (nobody can read the address back), and what was counted but not kept.
    sender = models.CharField(_("sender (digest)"), max_length=32, blank=True, db_index=True)
    repeats = models.PositiveIntegerField(
        _("further submissions from the same sender"),
        default=0,
        help_text=_("Held the same day after this one, counted but not kept."),
    )
    omitted_chars = models.PositiveIntegerField(
        _("characters not kept"),
        default=0,
        help_text=_("What was typed beyond the length kept, counted but not stored."),
    )

    class Meta:
        verbose_name = _("held submission")
        verbose_name_plural = _("held submissions")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.received_at:%Y-%m-%d %H:%M}"
