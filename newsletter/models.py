"""The newsletter: its public page, its subscribers and the proof of their consent.

Nobody is subscribed before clicking the link of a confirmation email (double opt-in,
CASL): a request makes a « pending » subscriber and a consent record (what was shown, in
which language, from which form — never the IP address); the click confirms both. Each
subscriber has a permanent unsubscribe token; the confirmation token is renewed by every
request and works once, until it expires. Emails and the provider's calls are rows of the
site's outbox (consortium.messaging.outbox), written in the transaction of what causes them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from consortium.intake.consent import AbstractConsentRecord
from consortium.messaging.outbox import OutboxEmail
from consortium.pages.base import BasePage


class NewsletterPage(RoutablePageMixin, BasePage):
    """« Infolettre » (/fr/infolettre/, /en/newsletter/): the subscription form, the page
    that says to check one's inbox, and the confirmation and unsubscribe links' pages."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    thanks_text = models.TextField(
        _("text of the « check your inbox » page"), max_length=600, blank=True
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks_text")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("thanks_text"),
    ]

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    @path("")
    def subscribe(self, request):
        from .views import page_view

        return page_view(self, request)

    @path(_("thanks/"), name="thanks")
    def thanks(self, request):
        from .views import thanks_view

        return thanks_view(self, request)

    @path(_("confirm/<str:token>/"), name="confirm")
    def confirm(self, request, token):
        from .views import confirm_view

        return confirm_view(self, request, token)

    @path(_("unsubscribe/<str:token>/"), name="unsubscribe")
    def unsubscribe(self, request, token):
        from .views import unsubscribe_view

        return unsubscribe_view(self, request, token)


class Subscriber(models.Model):
    """One address (stored in lower case, once) and where it stands."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    requested_at = models.DateTimeField(_("last request"))
    confirmation_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    confirmation_expires_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribe_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-requested_at", "-pk"]
        permissions = [("unsubscribe_subscriber", _("Can unsubscribe someone from the newsletter"))]

    def __str__(self):
        return self.email


class ConsentRecord(AbstractConsentRecord):
    """The proof of one request's consent (CASL): the form, the time, the text shown and
    its language, the privacy policy's version; ``confirmed_at`` once the link is clicked."""

    # The proof of a person's consent (Loi 25).
    personal_information = True

    class Source(models.TextChoices):
        PAGE = "page", _("Newsletter page")
        FOOTER = "footer", _("Footer form")
        MEMBERSHIP = "membership", _("Membership application")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name=_("subscriber")
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    requested_at = models.DateTimeField(_("requested at"))
    text_shown = models.TextField(_("text shown"))
    policy_version = models.CharField(_("privacy policy version"), max_length=20, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta(AbstractConsentRecord.Meta):
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return (
            f"{self.subscriber.email} · {self.get_source_display()} · {self.requested_at:%Y-%m-%d}"
        )


class NewsletterEmail(OutboxEmail):
    """An email about the subscription: the confirmation link, or the notice that the
    address is already subscribed. Both carry the unsubscribe link and headers."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation request")
        ALREADY_SUBSCRIBED = "already", _("Already subscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(OutboxEmail.Meta):
        pass


class ProviderCall(OutboxEmail):
    """A call to the sending tool's API (newsletter.provider): add a confirmed subscriber
    to their language's group, or remove one who unsubscribed. ``recipient`` is the
    subscriber's address; the outbox retries a failed call as it retries an email."""

    class Kind(models.TextChoices):
        ADD = "add", _("Add to the provider's group")
        REMOVE = "remove", _("Remove from the provider's group")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="provider_calls"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta(OutboxEmail.Meta):
        pass
