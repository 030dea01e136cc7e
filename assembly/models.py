"""The general assembly at a distance (SPEC §14).

- :class:`Assembly`: one per general assembly event, with its quorum and when its roll
  closes.
- :class:`Voter`: a member organisation on the roll (one member, one vote), cast by its
  delegate: the principal contact, or the contact the member designated before the roll
  closed. :class:`RollExclusion`: a member of the register left off, with why.
- :class:`Attendance`: a voter's delegate present (arrival and departure times).
- :class:`Motion`: a vote on an agenda item — a proposal or an election — open or secret,
  and its :class:`Candidate`\\ s.
- An open vote's ballots are :class:`OpenBallot` (who, what, when). A secret vote keeps
  who voted (:class:`Participation`) apart from what was voted (:class:`SecretBallot`):
  no key, time or order links them (assembly.voting explains how).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from members.models import Member, MemberContact

from .choices import Choice, Exclusion, Majority, MotionKind, MotionStatus, QuorumKind


class Assembly(models.Model):
    event = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="assembly",
    )
    roll_closes_at = models.DateTimeField(
        _("roll closes at"),
        help_text=_(
            "After this moment the roll is frozen: members can no longer designate "
            "another delegate and the roll is no longer drawn again."
        ),
    )
    quorum_kind = models.CharField(
        _("quorum is"), max_length=5, choices=QuorumKind.choices, default=QuorumKind.COUNT
    )
    quorum_value = models.PositiveIntegerField(
        _("quorum"), help_text=_("A number of voters, or a percentage of the roll.")
    )
    meeting_url = models.URLField(
        _("meeting link"), blank=True, help_text=_("Shown to the delegates on the roll only.")
    )
    roll_drawn_at = models.DateTimeField(_("roll drawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("general assembly")
        verbose_name_plural = _("general assemblies")
        permissions = [("chair_assembly", _("Can open and close the votes of assemblies"))]

    def __str__(self):
        return str(self.event.title)


class Voter(models.Model):
    # The roll names each member's delegate, a person (Loi 25).
    personal_information = True
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="roll")
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="rolls"
    )
    designated = models.ForeignKey(
        MemberContact,
        verbose_name=_("designated delegate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the principal contact."),
    )

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("roll of voters")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "member"], name="one_vote_per_member")
        ]

    def __str__(self):
        return str(self.member)

    @property
    def delegate(self) -> MemberContact | None:
        """Who votes for this member: the contact it designated (while still one of its
        contacts), else its principal contact (contacts prefetched, or a query)."""
        contacts = list(self.member.contacts.all())
        designated = next((c for c in contacts if c.pk == self.designated_id), None)
        return designated or next((c for c in contacts if c.is_principal), None)

    @property
    def present_since(self):
        """When its delegate arrived, while present (attendance selected, or a query)."""
        attendance = getattr(self, "attendance", None)
        return attendance.arrived_at if attendance and attendance.left_at is None else None


class RollExclusion(models.Model):
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="exclusions")
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=15, choices=Exclusion.choices)

    class Meta:
        verbose_name = _("member not on the roll")
        verbose_name_plural = _("members not on the roll")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "member"], name="one_exclusion_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_reason_display()}"


class Attendance(models.Model):
    # When a delegate came and left (Loi 25).
    personal_information = True
    voter = models.OneToOneField(Voter, on_delete=models.CASCADE, related_name="attendance")
    contact = models.ForeignKey(
        MemberContact, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="+"
    )
    arrived_at = models.DateTimeField(_("arrived at"))
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self):
        return f"{self.voter}: {self.arrived_at:%H:%M}"


class Motion(ClusterableModel):
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="motions")
    number = models.PositiveSmallIntegerField(_("agenda item"))
    title = models.CharField(_("title (French)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    kind = models.CharField(
        _("kind"), max_length=10, choices=MotionKind.choices, default=MotionKind.PROPOSAL
    )
    majority = models.CharField(
        _("majority"), max_length=10, choices=Majority.choices, default=Majority.SIMPLE
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    secret = models.BooleanField(_("secret ballot"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MotionStatus.choices, default=MotionStatus.PREPARED
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Written when the vote closes (assembly.voting.close): the counts, by choice or by
    # candidate, and the number of voters who took part.
    results = models.JSONField(_("results"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("assembly"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("kind"),
        FieldPanel("majority"),
        FieldPanel("seats"),
        FieldPanel("secret"),
        InlinePanel("candidates", label=_("candidates"), heading=_("Candidates (elections)")),
    ]

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["assembly", "number", "pk"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def title_in(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title


class Candidate(models.Model):
    motion = ParentalKey(Motion, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class OpenBallot(models.Model):
    """A ballot of an open vote: who voted what, and when."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="open_ballots")
    voter = models.ForeignKey(Voter, on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey(MemberContact, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices, blank=True)
    candidates = models.JSONField(default=list, blank=True)
    cast_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "voter"], name="one_open_ballot_per_voter")
        ]

    def __str__(self):
        return f"{self.motion}: {self.voter}"


class Participation(models.Model):
    """Who took part in a secret vote: nothing of what they voted, and no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="participations")
    voter = models.ForeignKey(Voter, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "voter"], name="one_participation_per_voter")
        ]

    def __str__(self):
        return f"{self.motion}: {self.voter}"


class SecretBallot(models.Model):
    """What was voted in a secret vote: nothing of who, and no time; a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="secret_ballots")
    choice = models.CharField(max_length=10, choices=Choice.choices, blank=True)
    candidates = models.JSONField(default=list, blank=True)

    def __str__(self):
        return str(self.motion)
