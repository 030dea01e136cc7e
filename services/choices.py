"""The fixed lists of a service request (SPEC §10): its statuses and the timeframes a
requester may choose."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    QUALIFIED = "qualified", _("Qualified")
    ASSIGNED = "assigned", pgettext_lazy("service request status", "Assigned")
    OFFER_SENT = "offer-sent", _("Offer sent")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("No follow-up")


OPEN_STATUSES = [
    Status.RECEIVED,
    Status.QUALIFIED,
    Status.ASSIGNED,
    Status.OFFER_SENT,
    Status.IN_PROGRESS,
]
CLOSED_STATUSES = [Status.COMPLETED, Status.DROPPED]


class Timeframe(models.TextChoices):
    URGENT = "urgent", _("Urgent (within two weeks)")
    MONTH = "month", _("Within a month")
    QUARTER = "quarter", _("Within three months")
    LATER = "later", _("Later, or no set date")
