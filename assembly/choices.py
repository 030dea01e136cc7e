"""The assembly's fixed vocabularies."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuorumKind(models.TextChoices):
    COUNT = "count", _("a number of voters")
    SHARE = "share", _("a percentage of the roll")


class MotionKind(models.TextChoices):
    PROPOSAL = "proposal", _("proposal (for, against, abstention)")
    ELECTION = "election", _("election (seats, candidates)")


class Majority(models.TextChoices):
    SIMPLE = "simple", _("simple majority of the votes cast")
    TWO_THIRDS = "two-thirds", _("two thirds of the votes cast")


class MotionStatus(models.TextChoices):
    PREPARED = "prepared", _("prepared")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Choice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstention")


class Exclusion(models.TextChoices):
    """Why a member of the register is not on the roll."""

    PENDING = "pending", _("shares not yet paid (membership pending)")
    SUSPENDED = "suspended", _("suspended")
    RESIGNED = "resigned", _("resigned")
    EXCLUDED = "excluded", _("excluded")
    SHARES_UNPAID = "shares-unpaid", _("qualifying shares not paid")
    NO_CONTACT = "no-contact", _("no contact to vote for it")
