"""Contact details that staff edit in the admin (Paramètres → Coordonnées).

The values are language-neutral data (phone numbers, times, addresses, web addresses); the
footer and contact pages format them per language, so there is no text to translate here.
The texts that do differ by language live in :mod:`consortium.models.texts`.
"""

import datetime
from urllib.parse import quote_plus

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

# The shape of a Canadian postal code (« H2X 1Y4 »); the public forms check it more
# closely (consortium.intake.quebec), staff type their own offices' codes.
validate_postal_code = RegexValidator(
    r"^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$",
    _("Enter a Canadian postal code, for example H2X 1Y4."),
)

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


# membership.permissions.REVIEW_PERMISSION (named here: the core layer imports no app).
COMMITTEE_EMAIL_PERMISSION = "membership.review_membershipapplication"


@register_setting(icon="site")
class OrganisationSettings(BaseGenericSetting, ClusterableModel):
    """Contact details shown in the footer and on the contact page."""

    # The organisation's own, published addresses and phones (Loi 25).
    personal_information = False

    main_phone = PhoneNumberField(_("main phone number"), blank=True)
    toll_free_phone = PhoneNumberField(_("toll-free phone number"), blank=True)
    email = models.EmailField(_("general email address"), blank=True)
    committee_email = models.EmailField(
        _("membership committee's email address"),
        blank=True,
        help_text=_("Receives a notification for every new membership application."),
    )
    open_from_day = models.PositiveSmallIntegerField(_("open from"), choices=WEEKDAYS, default=0)
    open_to_day = models.PositiveSmallIntegerField(_("open until"), choices=WEEKDAYS, default=4)
    opens_at = models.TimeField(_("opening time"), default=datetime.time(8, 30))
    closes_at = models.TimeField(_("closing time"), default=datetime.time(16, 30))
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        help_text=_("Where the « Contact us » buttons of the fields of expertise lead."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy in force"),
        help_text=_(
            "The policy that applicants accept; the membership form links to it and records "
            "its version."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("main_phone"),
                FieldPanel("toll_free_phone"),
                FieldPanel("email"),
                FieldPanel("contact_page"),
            ],
            heading=_("Phone and email"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("open_from_day"), FieldPanel("open_to_day")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Opening hours"),
        ),
        InlinePanel("offices", heading=_("Offices"), label=_("Office"), min_num=1),
        InlinePanel("social_links", heading=_("Social networks"), label=_("Social network")),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                # Where applications are announced: only those who may review them (and
                # administrators) may redirect it; Communications does not see the field.
                FieldPanel("committee_email", permission=COMMITTEE_EMAIL_PERMISSION),
            ],
            heading=_("Membership applications"),
        ),
    ]

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")


class Office(Orderable):
    """One of the Consortium's offices (Montréal, Québec)."""

    settings = ParentalKey(OrganisationSettings, related_name="offices", on_delete=models.CASCADE)
    city = models.CharField(_("city"), max_length=80)
    # Required (CASL: every commercial message gives a valid postal address). Rows saved
    # before they were may still lack them: consortium.messaging.sender says so.
    street_address = models.CharField(
        _("street address"), max_length=200, help_text=_("Number, street and suite.")
    )
    province = models.CharField(_("province"), max_length=2, default="QC")
    postal_code = models.CharField(
        _("postal code"), max_length=7, validators=[validate_postal_code]
    )

    panels = [
        FieldPanel("city"),
        FieldPanel("street_address"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("postal_code")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.city

    @property
    def is_complete(self) -> bool:
        """Has what a postal address needs: street, city and postal code."""
        return all(part.strip() for part in (self.street_address, self.city, self.postal_code))

    @property
    def postal_address(self) -> str:
        """The full address on one line, as Canada Post writes it."""
        parts = [self.street_address, f"{self.city} ({self.province})", self.postal_code]
        return ", ".join(part.strip() for part in parts if part.strip())

    @property
    def map_url(self) -> str:
        """A plain link to OpenStreetMap's search for this office (nothing embedded)."""
        query = ", ".join(
            part
            for part in (self.street_address, self.city, self.province, self.postal_code)
            if part
        )
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"


SOCIAL_NETWORKS = [
    ("linkedin", "LinkedIn"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("bluesky", "Bluesky"),
    ("mastodon", "Mastodon"),
]


class SocialLink(Orderable):
    """A link to one of the Consortium's accounts on a social network.

    The network's name is its brand (the same in every language), so a link holds no text
    to translate; the footer names it « Le Consortium sur LinkedIn » through gettext.
    """

    settings = ParentalKey(
        OrganisationSettings, related_name="social_links", on_delete=models.CASCADE
    )
    network = models.CharField(_("network"), max_length=20, choices=SOCIAL_NETWORKS)
    url = models.URLField(_("web address"), help_text=_("The full address of the account page."))

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("social network")
        verbose_name_plural = _("social networks")

    def __str__(self):
        return self.get_network_display()
