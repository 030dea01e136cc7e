"""The fixed lists of the register: the legal forms of member organisations (SPEC §5, §9).

Interface text, translated through gettext; membership's application form offers the same
list, from here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    CONSUMER_COOP = "consumer-coop", _("Consumer cooperative")
    PRODUCER_COOP = "producer-coop", _("Producer cooperative")
    WORKER_COOP = "worker-coop", _("Worker cooperative")
    WORKER_SHAREHOLDER_COOP = "worker-shareholder-coop", _("Worker-shareholder cooperative")
    SOLIDARITY_COOP = "solidarity-coop", _("Solidarity cooperative")
    FEDERATION = "federation", _("Federation")
    CONFEDERATION = "confederation", _("Confederation")
    MUTUAL = "mutual", _("Mutual")
    NON_PROFIT = "non-profit", _("Non-profit organisation (NPO)")
    CDR = "cdr", _("Regional development cooperative (CDR)")
    OTHER = "other", _("Other")
