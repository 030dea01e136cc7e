"""The fixed lists of the membership application (SPEC §5).

Legal forms and sectors are interface text (translated through gettext); Québec's
administrative regions are proper names with their official code, the same in both
languages (« 02 Saguenay–Lac-Saint-Jean », with its en dash).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.choices import LegalForm  # noqa: F401 - the application form's list

# The newsletter box's label: shown by the form, and stored with the newsletter's consent
# sentence as the text the applicant saw (newsletter.actions).
NEWSLETTER_LABEL = _("I would like to receive the Consortium's newsletter (optional).")


class Sector(models.TextChoices):
    AGRIFOOD = "agrifood", _("Agriculture and agri-food")
    HOUSING = "housing", _("Housing")
    FINANCE = "finance", _("Financial services and insurance")
    RETAIL = "retail", _("Retail and consumer services")
    HEALTH = "health", _("Health and social services")
    EDUCATION = "education", _("Education and early childhood")
    CULTURE = "culture", _("Culture, media and communications")
    TOURISM = "tourism", _("Recreation and tourism")
    FUNERAL = "funeral", _("Funeral services")
    FORESTRY = "forestry", _("Forestry")
    BUSINESS = "business", _("Business services")
    ENVIRONMENT = "environment", _("Energy and environment")
    OTHER = "other", _("Other")


# Québec's administrative regions: consortium.intake.quebec.REGIONS (every form's list).


class Status(models.TextChoices):
    """SPEC §5. The transitions between them are the review's business (issue #6)."""

    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in-review", _("In review")
    INFO_REQUESTED = "info-requested", _("More information requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Applications still waiting for a decision: a new one with the same NEQ or email is flagged.
OPEN_STATUSES = [Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED]
