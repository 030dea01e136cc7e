"""The register of confidentiality incidents (Loi 25, art. 3.8 of the private-sector act,
and the Règlement sur les incidents de confidentialité, art. 2): one row per incident,
with every item the regulation lists, kept at least five years after the Consortium
learned of it (``deletable``: deletion is refused before)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IncidentKeptError(Exception):
    """An incident younger than the retention period cannot be deleted."""


def kept_until(aware_on: datetime.date) -> datetime.date:
    """The first day an incident learned of on ``aware_on`` may be deleted."""
    years = settings.INCIDENT_RETENTION_YEARS
    try:
        return aware_on.replace(year=aware_on.year + years)
    except ValueError:  # 29 February
        return aware_on.replace(year=aware_on.year + years, day=28)


class IncidentQuerySet(models.QuerySet):
    def delete(self):
        """Refused, as one incident's deletion is, while any of them must still be kept."""
        for incident in self:
            if not incident.deletable():
                raise IncidentKeptError(incident.kept_until)
        return super().delete()


class ConfidentialityIncident(models.Model):
    # An incident describes whose information was affected (Loi 25).
    personal_information = True

    class Risk(models.TextChoices):
        SERIOUS = "serious", _("Risk of serious injury")
        NOT_SERIOUS = "not_serious", _("No risk of serious injury")
        ASSESSING = "assessing", _("Assessment in progress")

    information = models.TextField(
        _("personal information concerned"),
        help_text=_(
            "A description of the information the incident concerns or, if it is not known, "
            "why it cannot be described."
        ),
    )
    circumstances = models.TextField(_("circumstances of the incident"))
    occurred_from = models.DateField(_("date of the incident (or start of the period)"))
    occurred_to = models.DateField(
        _("end of the period"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a single day. An approximation is allowed if unknown."),
    )
    aware_on = models.DateField(_("date the Consortium learned of it"))
    people_affected = models.PositiveIntegerField(
        _("number of people concerned"),
        help_text=_("An approximation if the exact number is not known."),
    )
    risk = models.CharField(
        _("assessment of the risk of serious injury"),
        max_length=12,
        choices=Risk.choices,
        default=Risk.ASSESSING,
    )
    risk_assessment = models.TextField(
        _("reasons for the assessment"),
        help_text=_(
            "The sensitivity of the information, its possible malicious uses, the likely "
            "consequences and their likelihood."
        ),
    )
    commission_notified_on = models.DateField(
        _("date the Commission d'accès à l'information was notified"), null=True, blank=True
    )
    people_notified_on = models.DateField(
        _("date the people concerned were notified"), null=True, blank=True
    )
    public_notice = models.BooleanField(
        _("public notice given instead of individual notices"), default=False
    )
    measures = models.TextField(
        _("measures taken"),
        help_text=_("What was done to reduce the risk of injury and to prevent a new incident."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = _("confidentiality incident")
        verbose_name_plural = _("confidentiality incidents")
        ordering = ["-aware_on", "-pk"]

    def __str__(self):
        return f"{self.aware_on:%Y-%m-%d} · {self.circumstances[:60]}"

    def clean(self):
        errors = {}
        if self.occurred_to and self.occurred_from and self.occurred_to < self.occurred_from:
            errors["occurred_to"] = _("The end of the period cannot be before its start.")
        if self.aware_on and self.occurred_from and self.aware_on < self.occurred_from:
            errors["aware_on"] = _(
                "The Consortium cannot have learned of the incident before it began."
            )
        today = timezone.localdate()
        for name in ("occurred_from", "aware_on", "commission_notified_on", "people_notified_on"):
            value = getattr(self, name)
            if value and value > today:
                errors[name] = _("This date is in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def kept_until(self) -> datetime.date:
        return kept_until(self.aware_on)

    def deletable(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) >= self.kept_until

    def delete(self, *args, **kwargs):
        if not self.deletable():
            raise IncidentKeptError(self.kept_until)
        return super().delete(*args, **kwargs)
