"""The site app's models: contact settings, per-language texts, menus and the editorial
workflow's review task, submissions held by the anti-spam rules, search synonyms, the
anonymisation log, and files waiting for object storage."""

from .anonymisation import AnonymisationRecord
from .contact import SOCIAL_NETWORKS, WEEKDAYS, Office, OrganisationSettings, SocialLink
from .held import HeldSubmission
from .navigation import NavigationMenu
from .search import SearchSynonym
from .staged import StagedFile
from .texts import SiteTexts
from .workflow import EditorialReviewTask

__all__ = [
    "AnonymisationRecord",
    "SOCIAL_NETWORKS",
    "EditorialReviewTask",
    "HeldSubmission",
    "WEEKDAYS",
    "NavigationMenu",
    "Office",
    "SearchSynonym",
    "OrganisationSettings",
    "SiteTexts",
    "StagedFile",
    "SocialLink",
]
