"""Membership: the public page with its application form, and what an application stores.

An application is stored with its attachments and its consent record in one transaction,
before any email (membership.actions); emails are an outbox of Notification rows sent by
background tasks (membership.notifications), so a failing mail server never loses, blocks
or duplicates an application.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from consortium.cases.handling import CaseNote, StatusTracked, YearCounter
from consortium.intake.consent import AbstractConsentRecord
from consortium.intake.quebec import REGIONS
from consortium.intake.uploads import PrivateAttachment
from consortium.messaging.outbox import OutboxEmail
from consortium.pages.base import BasePage
from consortium.pages.blocks import SectionBlocks
from members.choices import LegalForm
from members.directory import directory
from members.models import Member

from .choices import Sector, Status


class CategoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Who it is for"), max_length=400)

    class Meta:
        icon = "group"
        label = _("Membership category")


class MembershipPage(RoutablePageMixin, BasePage):
    """« Devenir membre »: categories, benefits, conditions, juste coût, and the form.

    The categories are an editable list; the form offers them as its choices, so a new
    category appears in both at once.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    categories = StreamField(
        [("category", CategoryBlock())], verbose_name=_("membership categories"), min_num=1
    )
    body = StreamField(
        SectionBlocks(),
        verbose_name=_("benefits, conditions, juste coût"),
        blank=True,
    )
    form_intro = models.TextField(_("text above the form"), max_length=600, blank=True)
    thanks_text = models.TextField(_("text of the confirmation page"), max_length=600)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("categories"),
        FieldPanel("body"),
        FieldPanel("form_intro"),
        FieldPanel("thanks_text"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("categories"),
        TranslatableField("body"),
        TranslatableField("form_intro"),
        TranslatableField("thanks_text"),
    ]

    class Meta:
        verbose_name = _("membership page")
        verbose_name_plural = _("membership pages")

    def category_names(self) -> list[str]:
        return [block.value["name"] for block in self.categories]

    @path("")
    def application(self, request):
        from .views import application_view

        return application_view(self, request)

    @path(_("thanks/"), name="thanks")
    def thanks(self, request):
        from .views import thanks_view

        return thanks_view(self, request)

    @path(_("more-information/<str:token>/"), name="info_request")
    def info_request(self, request, token):
        from .views import info_request_view

        return info_request_view(self, request, token)

    @path(_("information-received/"), name="info_received")
    def info_received(self, request):
        from .views import info_received_view

        return info_received_view(self, request)


class MemberDirectoryPage(BasePage):
    """« Nos membres »: the member organisations that agreed to be listed, filterable by
    region and legal form (members.directory)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("members' directory")
        verbose_name_plural = _("members' directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory(request.GET))
        return context


MAX_COUNT = 10_000_000  # members or employees: more is a typing mistake


class MembershipApplication(StatusTracked):
    """One organisation's application, as submitted (SPEC §5)."""

    reference = models.CharField(_("reference"), max_length=16, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=2)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    possible_duplicate = models.BooleanField(
        _("possible duplicate"),
        default=False,
        help_text=_("An open application had the same NEQ or email when this one arrived."),
    )

    organisation_name = models.CharField(_("organisation's legal name"), max_length=200)
    neq = models.CharField(_("Québec enterprise number (NEQ)"), max_length=10)
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    region = models.CharField(_("administrative region"), max_length=2, choices=REGIONS)
    street_address = models.CharField(_("street address"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=7)
    website = models.URLField(_("website"), blank=True)
    member_count = models.PositiveIntegerField(
        _("number of members"), validators=[MaxValueValidator(MAX_COUNT)]
    )
    employee_count = models.PositiveIntegerField(
        _("number of employees"), validators=[MaxValueValidator(MAX_COUNT)]
    )
    category = models.CharField(_("membership category"), max_length=80)
    fields_of_interest = models.ManyToManyField(
        "expertise.ExpertisePage",
        verbose_name=_("fields of expertise of interest"),
        blank=True,
        related_name="+",
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_role = models.CharField(_("role"), max_length=120)
    contact_email = models.EmailField(_("email"))
    contact_phone = PhoneNumberField(_("phone"))
    message = models.TextField(_("message"), max_length=3000, blank=True)
    newsletter = models.BooleanField(_("wants the newsletter"), default=False)
    directory_consent = models.BooleanField(
        _("agrees to be listed in the members' directory"), default=False
    )

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # The member of the register its approval made (members.register.admit).
    member = models.OneToOneField(
        Member,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
        verbose_name=_("member"),
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]
        permissions = [("review_membershipapplication", _("Can change the status of applications"))]
        indexes = [models.Index(fields=["neq"]), models.Index(fields=["contact_email"])]

    def __str__(self):
        return f"{self.reference} — {self.organisation_name}"


# What the applicant gives, as stored on the application (the form's fields of the same
# names, but the fields of interest, the attachments and the consent): shared by the
# submission, the admin's detail view and its export.
APPLICANT_FIELDS = [
    "organisation_name",
    "neq",
    "legal_form",
    "sector",
    "region",
    "street_address",
    "city",
    "postal_code",
    "website",
    "member_count",
    "employee_count",
    "category",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "message",
    "newsletter",
    "directory_consent",
]


class Attachment(PrivateAttachment):
    """A PDF attached to an application (consortium.intake.uploads: private storage)."""

    download_url_name = "membership_attachment"
    owner_field = "application"

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta(PrivateAttachment.Meta):
        pass

    def folder(self) -> str:
        return f"applications/{self.application.submitted_at:%Y}"


class ConsentRecord(AbstractConsentRecord):
    """What the applicant agreed to, when, in which language, under which policy version."""

    application = models.OneToOneField(
        MembershipApplication, on_delete=models.CASCADE, related_name="consent"
    )
    given_at = models.DateTimeField(_("given at"))
    newsletter = models.BooleanField(_("newsletter consent"), default=False)

    class Meta(AbstractConsentRecord.Meta):
        pass

    def __str__(self):
        return f"{self.application.reference} ({self.policy_version}, {self.language})"


class InternalNote(CaseNote):
    """A committee member's note on an application; the applicant never sees it."""

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="internal_notes"
    )

    def __str__(self):
        return f"{self.application.reference}: {self.text[:40]}"


class InfoRequest(models.Model):
    """A request for more information: the applicant's personal link (its token, signed in
    the email) works once, until ``expires_at`` and while the application still waits."""

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="info_requests"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question = models.TextField(_("what is asked"))
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("link valid until"))
    used_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    response = models.TextField(_("answer"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("request for more information")
        verbose_name_plural = _("requests for more information")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application.reference} ({self.created_at:%Y-%m-%d})"


class ReferenceCounter(YearCounter):
    """The last reference number handed out in a year (locked row: ADH-YYYY-NNNN)."""


class Notification(OutboxEmail):
    """An email to send about an application (the site's outbox: consortium.messaging.outbox)."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the applicant")
        COMMITTEE = "committee", _("Notification to the committee")
        ASSIGNMENT = "assignment", _("Assignment to a reviewer")
        INFO_REQUEST = "info_request", _("Request for more information")
        INFO_RECEIVED = "info_received", _("Information added by the applicant")
        APPROVAL = "approval", _("Approval")
        REFUSAL = "refusal", _("Refusal")

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(OutboxEmail.Meta):
        # Several emails of a kind may concern one application (two requests for more,
        # a new reviewer); the acknowledgement and the committee's are written once, by
        # the submission.
        pass
