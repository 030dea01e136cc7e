"""The register of members (SPEC §9; Loi sur les coopératives, art. 124): member
organisations, their categories, contacts and share ledger, the member space's emails, and
the member space's page (« Espace membre »).

What is computed from the ledger (shares held, amount paid, amount owing) lives in
``members.ledger``; what changes a member (admission, a movement, a status) in
``members.register``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from consortium.intake.quebec import REGIONS
from consortium.messaging.outbox import OutboxEmail
from consortium.pages.base import BasePage

from .choices import LegalForm


class MemberCategory(models.Model):
    """« Membre utilisateur », « de soutien »…: an editable list. The qualifying shares and
    their unit price are the by-laws' figures, typed by staff (none are set by default)."""

    name = models.CharField(_("name (French)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    qualifying_shares = models.PositiveIntegerField(
        _("qualifying shares"),
        null=True,
        blank=True,
        help_text=_("Number of shares a member of this category subscribes on admission."),
    )
    share_price = models.DecimalField(
        _("unit price of a share ($)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("member category")
        verbose_name_plural = _("member categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def display_name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    @property
    def qualifying_amount(self):
        if self.qualifying_shares is None or self.share_price is None:
            return None
        return self.qualifying_shares * self.share_price


class MemberStatus(models.TextChoices):
    PENDING = "pending", _("Pending (shares not paid)")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    RESIGNED = "resigned", _("Resigned")
    EXCLUDED = "excluded", _("Excluded")


class MemberQuerySet(models.QuerySet):
    def listed(self) -> "MemberQuerySet":
        """The public directory's members: active, and consenting (``Member.listed``)."""
        return self.filter(status=MemberStatus.ACTIVE, directory_consent=True)


class Member(ClusterableModel):
    """A member organisation: created when an application is approved (SPEC §9). It is
    listed in the public directory only while active and with its consent."""

    # Its page shows its contacts: reading it reads personal information (Loi 25).
    personal_information = True

    name = models.CharField(_("legal name"), max_length=200)
    neq = models.CharField(_("Québec enterprise number (NEQ)"), max_length=10, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm.choices)
    region = models.CharField(_("administrative region"), max_length=2, choices=REGIONS)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    website = models.URLField(_("website"), blank=True)
    category = models.ForeignKey(
        MemberCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MemberStatus.choices, default=MemberStatus.PENDING
    )
    status_date = models.DateField(_("status since"), null=True, blank=True)
    member_since = models.DateField(_("date of admission"))
    admission_resolution = models.CharField(
        _("board resolution number (admission)"), max_length=40, blank=True
    )
    directory_consent = models.BooleanField(
        _("agrees to be listed in the public directory"), default=False
    )
    anonymised_at = models.DateTimeField(_("contacts anonymised at"), null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["status", "directory_consent", "region", "legal_form"])]
        permissions = [("export_member", _("Can export the register of members"))]

    def __str__(self):
        return self.name

    @property
    def listed(self) -> bool:
        return self.status == MemberStatus.ACTIVE and self.directory_consent

    def principal_contact(self):
        return next((contact for contact in self.contacts.all() if contact.is_principal), None)


class MemberContact(models.Model):
    """A person of a member organisation. Exactly one is the principal contact (the
    delegate to the general assembly); each may sign in to the member space by email."""

    # The signed-in contact's other organisations (members.session.signed_in_contact).
    other_organisations: list[Member]

    member = ParentalKey(Member, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    phone = PhoneNumberField(_("phone"), blank=True)
    is_principal = models.BooleanField(_("principal contact (delegate)"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member_contacts",
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_principal", "sort_order", "pk"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class MovementKind(models.TextChoices):
    SUBSCRIPTION = "subscription", _("Subscription")
    PAYMENT = "payment", _("Payment")
    REDEMPTION = "redemption", _("Redemption")
    REPAYMENT = "repayment", _("Repayment")
    TRANSFER = "transfer", _("Transfer")


class ShareMovement(models.Model):
    """One line of a member's share ledger. Amounts and numbers of shares are never
    negative: the kind says which way they go (members.ledger). A transfer is written
    once, on the member that gives the shares, with the member that receives them."""

    member = ParentalKey(Member, on_delete=models.CASCADE, related_name="movements")
    date = models.DateField(_("date"))
    kind = models.CharField(_("movement"), max_length=12, choices=MovementKind.choices)
    shares = models.PositiveIntegerField(_("number of shares"), default=0)
    amount = models.DecimalField(
        _("amount ($)"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    counterparty = models.ForeignKey(
        Member,
        verbose_name=_("transferred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers_in",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("share movement")
        verbose_name_plural = _("share ledger")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="movement_amount_gte_0"),
        ]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} {self.shares} / {self.amount} $"

    def clean(self):
        if self.kind == MovementKind.TRANSFER:
            if self.counterparty_id is None:
                raise ValidationError(
                    {"counterparty": _("A transfer names the member that receives the shares.")}
                )
            if self.counterparty_id == self.member_id:
                raise ValidationError(
                    {"counterparty": _("A member cannot transfer shares to itself.")}
                )
        elif self.counterparty_id is not None:
            raise ValidationError({"counterparty": _("Only a transfer names another member.")})


class MemberEmail(OutboxEmail):
    """An email of the member space: a sign-in link, or a correction asked of staff."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", _("Sign-in link to the member space")
        CORRECTION = "correction", _("Correction requested by a member")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    member = models.ForeignKey(Member, null=True, on_delete=models.CASCADE, related_name="emails")
    contact = models.ForeignKey(
        MemberContact, null=True, on_delete=models.CASCADE, related_name="emails"
    )

    class Meta(OutboxEmail.Meta):
        pass


class MemberSpacePage(RoutablePageMixin, BasePage):
    """« Espace membre » (/fr/espace-membre/, /en/member-area/): a contact of a member
    signs in with a single-use link sent to their email, then sees and updates their
    organisation's record (members.views). Never cached. Its subpages are the
    members' pages: staff make them private to the « Membres » group (Wagtail's privacy),
    and the dashboard links every page so restricted."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("member space")
        verbose_name_plural = _("member spaces")

    @classmethod
    def get_subpage_urls(cls):
        from members.extensions import routes

        return [*super().get_subpage_urls(), *routes()]

    @path("")
    def home(self, request):
        from members.views import home_view

        return home_view(self, request)

    @path(_("link-sent/"), name="link_sent")
    def link_sent(self, request):
        from members.views import link_sent_view

        return link_sent_view(self, request)

    @path(_("sign-in/<str:token>/"), name="sign_in")
    def sign_in(self, request, token):
        from members.views import sign_in_view

        return sign_in_view(self, request, token)

    @path(_("update/"), name="update")
    def update(self, request):
        from members.views import update_view

        return update_view(self, request)

    @path(_("correction/"), name="correction")
    def correction(self, request):
        from members.views import correction_view

        return correction_view(self, request)

    @path(_("sign-out/"), name="sign_out")
    def sign_out(self, request):
        from members.views import sign_out_view

        return sign_out_view(self, request)
