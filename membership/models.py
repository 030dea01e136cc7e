"""Membership: the public page with its application form, and what an application stores.

An application is stored with its attachments and its consent record in one transaction,
before any email (membership.services); emails are an outbox of Notification rows sent by
background tasks (membership.notifications), so a failing mail server never loses, blocks
or duplicates an application.
"""

import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from home.blocks import SectionBlocks
from home.models import PAGE_TRANSLATABLE_FIELDS

from .choices import REGIONS, LegalForm, Sector, Status


class CategoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Who it is for"), max_length=400)

    class Meta:
        icon = "group"
        label = _("Membership category")


class MembershipPage(RoutablePageMixin, Page):
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
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
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


class MembershipApplication(models.Model):
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
    member_count = models.PositiveIntegerField(_("number of members"))
    employee_count = models.PositiveIntegerField(_("number of employees"))
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

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]
        permissions = [("review_membershipapplication", _("Can change the status of applications"))]
        indexes = [models.Index(fields=["neq"]), models.Index(fields=["contact_email"])]

    def __str__(self):
        return f"{self.reference} — {self.organisation_name}"

    def save(self, *args, **kwargs):
        """Refuse a change of status that the workflow does not allow (membership.workflow:
        the only door is change_status, which also records it)."""
        from .workflow import check_transition

        stored = getattr(self, "_stored_status", None)
        if self.pk and stored is not None and stored != self.status:
            check_transition(stored, self.status, note="-")
        super().save(*args, **kwargs)
        self._stored_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance


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
]


def _private_storage():
    return storages["private"]


def attachment_path(instance, filename: str) -> str:
    """An unguessable name (the applicant's file name is kept in the database only)."""
    return f"applications/{instance.application.submitted_at:%Y}/{uuid.uuid4().hex}.pdf"


class Attachment(models.Model):
    """A PDF attached to an application, in private storage (never under MEDIA_URL)."""

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(storage=_private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ConsentRecord(models.Model):
    """What the applicant agreed to, when, in which language, under which policy version."""

    application = models.OneToOneField(
        MembershipApplication, on_delete=models.CASCADE, related_name="consent"
    )
    given_at = models.DateTimeField(_("given at"))
    policy_version = models.CharField(_("privacy policy version"), max_length=20)
    language = models.CharField(_("language"), max_length=2)
    newsletter = models.BooleanField(_("newsletter consent"), default=False)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.application.reference} ({self.policy_version}, {self.language})"


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year (locked row: ADH-YYYY-NNNN)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Notification(models.Model):
    """An email to send about an application: the outbox that background tasks empty."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the applicant")
        COMMITTEE = "committee", _("Notification to the committee")

    class State(models.TextChoices):
        PENDING = "pending", _("To send")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (gave up)")

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.EmailField()
    language = models.CharField(max_length=2)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_email_per_kind")
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient} ({self.state})"
