"""Service requests: the public page with its form, and what a request stores.

A request is stored with its attachments and its consent record in one transaction,
before any email (services.actions); its emails are rows of the site's outbox
(consortium.messaging.outbox), so a failing mail server never loses, blocks or duplicates one.
The statuses, assignment, notes, references and audit are consortium.cases.handling', shared with
membership's applications.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from consortium.cases.handling import CaseNote, StatusTracked, YearCounter
from consortium.intake.consent import AbstractConsentRecord
from consortium.intake.quebec import REGIONS
from consortium.intake.uploads import PrivateAttachment
from consortium.messaging.outbox import OutboxEmail
from consortium.pages.base import BasePage

from .choices import Status, Timeframe


class ServiceRequestPage(RoutablePageMixin, BasePage):
    """« Demande de service » (/fr/demande-de-service/, /en/service-request/): the form
    every field of expertise leads to (``?expertise=<slug>`` chooses that field)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    non_member_text = models.TextField(
        _("text for organisations that are not members"),
        max_length=600,
        blank=True,
        help_text=_("How membership works, shown above the form to visitors not signed in."),
    )
    thanks_text = models.TextField(_("text of the confirmation page"), max_length=600)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    offered_to_members = True  # linked from the member space's dashboard

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("non_member_text"),
        FieldPanel("thanks_text"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("non_member_text"),
        TranslatableField("thanks_text"),
    ]

    class Meta:
        verbose_name = _("service request page")
        verbose_name_plural = _("service request pages")

    @path("")
    def request_form(self, request):
        from .views import request_view

        return request_view(self, request)

    @path(_("thanks/"), name="thanks")
    def thanks(self, request):
        from .views import thanks_view

        return thanks_view(self, request)


class ServiceRequest(StatusTracked):
    """One organisation's request for the experts of one or more fields (SPEC §10)."""

    reference = models.CharField(_("reference"), max_length=16, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=2)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )

    expertise_fields = models.ManyToManyField(
        "expertise.ExpertisePage",
        verbose_name=_("fields of expertise"),
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    neq = models.CharField(_("Québec enterprise number (NEQ)"), max_length=10, blank=True)
    region = models.CharField(_("administrative region"), max_length=2, choices=REGIONS)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("email"))
    contact_phone = PhoneNumberField(_("phone"))
    need = models.TextField(_("the need"), max_length=3000)
    timeframe = models.CharField(_("desired timeframe"), max_length=10, choices=Timeframe.choices)
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_requests",
    )
    invited_to_join_at = models.DateTimeField(_("invited to join at"), null=True, blank=True)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_service_requests",
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-submitted_at"]
        permissions = [("handle_servicerequest", _("Can follow up service requests"))]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.reference} — {self.organisation_name}"

    def field_titles(self) -> str:
        """The fields chosen, by title (prefetch them for a listing)."""
        return ", ".join(field.title for field in self.expertise_fields.all())

    def member_name(self) -> str:
        return self.member.name if self.member_id else ""


# What the requester gives, as stored on the request (the form's fields of the same names,
# but the fields of expertise, the attachments and the consent).
REQUESTER_FIELDS = [
    "organisation_name",
    "neq",
    "region",
    "contact_name",
    "contact_email",
    "contact_phone",
    "need",
    "timeframe",
]


class Attachment(PrivateAttachment):
    """A PDF attached to a request (consortium.intake.uploads: private storage)."""

    download_url_name = "services_attachment"
    owner_field = "service_request"

    service_request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta(PrivateAttachment.Meta):
        pass

    def folder(self) -> str:
        return f"service-requests/{self.service_request.submitted_at:%Y}"


class ConsentRecord(AbstractConsentRecord):
    """What the requester agreed to, when, in which language, under which policy version."""

    service_request = models.OneToOneField(
        ServiceRequest, on_delete=models.CASCADE, related_name="consent"
    )
    given_at = models.DateTimeField(_("given at"))

    class Meta(AbstractConsentRecord.Meta):
        pass

    def __str__(self):
        return f"{self.service_request.reference} ({self.policy_version}, {self.language})"


class InternalNote(CaseNote):
    """A note of the services team on a request; the requester never sees it."""

    service_request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="internal_notes"
    )

    def __str__(self):
        return f"{self.service_request.reference}: {self.text[:40]}"


class ReferenceCounter(YearCounter):
    """The last reference number handed out in a year (locked row: DS-YYYY-NNNN)."""


class Notification(OutboxEmail):
    """An email about a service request (the site's outbox: consortium.messaging.outbox)."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the requester")
        TEAM = "team", _("Notification to the field's team")
        ASSIGNMENT = "assignment", _("Assignment")
        OFFER = "offer", _("Offer sent")
        COMPLETED = "completed", _("Request completed")
        DROPPED = "dropped", _("Request closed without follow-up")
        INVITATION = "invitation", _("Invitation to join")

    service_request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(OutboxEmail.Meta):
        pass
