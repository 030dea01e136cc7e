"""Events: the listing « Événements » (upcoming and past), one page per event (times in
America/Toronto, a place or an online link, public or for members, capacity and
registration deadline, its .ics), the iCalendar feed of upcoming events, registrations
with a waiting list and a single-use cancellation link, and the general assembly (AGA):
its notice date, agenda and documents for member contacts only."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from consortium.messaging.outbox import OutboxEmail
from consortium.pages.base import BasePage
from consortium.pages.blocks import SectionBlocks


class Kind(models.TextChoices):
    ACTIVITY = "activity", _("Activity")
    TRAINING = "training", _("Training")
    GENERAL_ASSEMBLY = "general-assembly", _("General assembly")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Open to all")
    MEMBERS = "members", _("Members only")


class EventIndexPage(RoutablePageMixin, BasePage):
    """« Événements » (/fr/evenements/, /en/events/): upcoming events first, then past ones;
    ``ics/`` is the iCalendar feed of upcoming events."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def events(self):
        return EventPage.objects.live().child_of(self)

    def upcoming(self, now=None):
        """Events not yet over, soonest first."""
        return self.events().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None, count=20):
        """Events over, latest first."""
        return self.events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")[:count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(upcoming=list(self.upcoming(now)), past=list(self.past(now)))
        return context

    @path("ics/", name="feed")
    def feed(self, request):
        from .views import feed_view

        return feed_view(self, request)


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTIVITY)
    start = models.DateTimeField(_("start"), help_text=_("Québec time (America/Toronto)."))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("place"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Empty: until the start.")
    )
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(SectionBlocks(), verbose_name=_("description"), blank=True)
    # The general assembly's own parts.
    notice_date = models.DateField(_("date of the notice of meeting"), null=True, blank=True)
    agenda = StreamField(
        [("item", blocks.CharBlock(label=_("Item"), max_length=250))],
        verbose_name=_("agenda"),
        blank=True,
    )
    documents = StreamField(
        [
            (
                "document",
                blocks.StructBlock(
                    [
                        ("label", blocks.CharBlock(label=_("Label"), max_length=120)),
                        ("document", DocumentChooserBlock(label=_("Document"))),
                    ],
                    label=_("Document"),
                ),
            )
        ],
        verbose_name=_("documents for members (annual report, financial statements)"),
        blank=True,
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("online_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("capacity"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("notice_date"), FieldPanel("agenda"), FieldPanel("documents")],
            heading=_("General assembly"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("location"),
        SynchronizedField("online_url"),
        SynchronizedField("audience"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("notice_date"),
        TranslatableField("agenda"),
        TranslatableField("documents"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end comes after the start.")})
        if not self.location and not self.online_url:
            raise ValidationError({"location": _("Give a place, an online link or both.")})
        for block in self.documents:
            document = block.value["document"]
            if document is not None and not document.collection.get_view_restrictions():
                raise ValidationError(
                    {
                        "documents": _(
                            "“%(title)s” is public: put the assembly's documents in a "
                            "collection restricted to members (“Documents des membres”)."
                        )
                        % {"title": document.title}
                    }
                )
        deadline = self.registration_deadline
        if deadline and self.start and deadline > self.start:
            raise ValidationError(
                {"registration_deadline": _("Registrations close at the start at the latest.")}
            )

    @property
    def is_general_assembly(self) -> bool:
        return self.kind == Kind.GENERAL_ASSEMBLY

    @property
    def members_only(self) -> bool:
        return self.audience == Audience.MEMBERS or self.is_general_assembly

    def registration_closes(self):
        return self.registration_deadline or self.start

    def registration_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.registration_closes()

    @path("")
    def detail(self, request):
        from .views import event_view

        return event_view(self, request)

    @path("ics/", name="ics")
    def ics(self, request):
        from .views import ics_view

        return ics_view(self, request)

    @path(_("cancel/<str:token>/"), name="cancel")
    def cancel(self, request, token):
        from .views import cancel_view

        return cancel_view(self, request, token)


class Registration(models.Model):
    """One person's registration; « waiting » until a seat frees up."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=2)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"))
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                # Anonymised rows share the empty address (events.retention).
                condition=~models.Q(state="cancelled") & models.Q(anonymised_at__isnull=True),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_state_display()})"


class RegistrationEmail(OutboxEmail):
    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("Registration confirmed")
        WAITING = "waiting", _("On the waiting list")
        PROMOTED = "promoted", _("A seat freed up")
        CANCELLED = "cancelled", _("Registration cancelled")
        ALREADY = "already", _("Already registered")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(OutboxEmail.Meta):
        pass
