"""The proof of a person's consent (Loi 25, CASL), one shape for every form that asks for
it: in which language, under which version of the privacy policy. Each app's record adds
what it was given for and when (an application, a service request, a subscription)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AbstractConsentRecord(models.Model):
    language = models.CharField(_("language"), max_length=2)
    policy_version = models.CharField(_("privacy policy version"), max_length=20)

    class Meta:
        abstract = True
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
