"""The site app's models: contact settings, per-language texts and menus."""

from .contact import SOCIAL_NETWORKS, WEEKDAYS, Office, OrganisationSettings, SocialLink
from .navigation import NavigationMenu
from .texts import SiteTexts

__all__ = [
    "SOCIAL_NETWORKS",
    "WEEKDAYS",
    "NavigationMenu",
    "Office",
    "OrganisationSettings",
    "SiteTexts",
    "SocialLink",
]
