from __future__ import annotations

from django.db import models

from .base import DatePrecision, Extracted, precision_check
from .history import HistoricalRecords


class Agreement(Extracted):
    """A treaty, MoU, declaration, partnership or joint project between countries."""

    class Kind(models.TextChoices):
        TREATY = "treaty", "Treaty"
        AGREEMENT = "agreement", "Agreement"
        MOU = "mou", "Memorandum of understanding"
        JOINT_DECLARATION = "joint_declaration", "Joint declaration or statement"
        PARTNERSHIP = "partnership", "Strategic partnership"
        VISION = "vision", "Joint vision or initiative"
        PROJECT = "project", "Project"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        NEGOTIATING = "negotiating", "Under negotiation"
        SIGNED = "signed", "Signed"
        IN_FORCE = "in_force", "In force"
        UNDER_REVISION = "under_revision", "Under revision"
        LAPSED = "lapsed", "Lapsed"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names the articles use for it.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.UNKNOWN)
    parties = models.ManyToManyField("events.Country", blank=True, related_name="agreements")
    signed_date = models.DateField(null=True, blank=True)
    signed_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    in_force_date = models.DateField(null=True, blank=True)
    in_force_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    meetings = models.ManyToManyField("events.Meeting", through="AgreementMeeting", blank=True, related_name="agreements")

    # The parties are part of what an agreement says: each change to them is a version of the agreement, with the
    # parties it had before and after.
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        ordering = ["name"]
        constraints = [
            precision_check("signed_date", "signed_precision", "agreement_signed_precision_valid"),
            precision_check("in_force_date", "in_force_precision", "agreement_in_force_precision_valid"),
            models.CheckConstraint(
                condition=models.Q(in_force_date__isnull=True) | models.Q(signed_date__isnull=True)
                | models.Q(in_force_date__gte=models.F("signed_date")),
                name="agreement_in_force_after_signing",
            ),
        ]
        indexes = [
            # /api/agreements/?status= and ?kind= filters.
            models.Index(fields=["status"], name="agreement_status"),
            models.Index(fields=["kind"], name="agreement_kind"),
            # /api/agreements/?signed_after=&signed_before=.
            models.Index(fields=["signed_date"], name="agreement_signed_date"),
            # /api/agreements/?review_state=rejected (a curator's review queue).
            models.Index(fields=["review_state"], name="agreement_review_state"),
        ]

    def __str__(self) -> str:
        return self.name

    def identity(self) -> tuple[str, ...]:
        return (self.name,)


class AgreementMeetingManager(models.Manager):
    def get_by_natural_key(self, agreement_uid: str, meeting_uid: str) -> AgreementMeeting:
        return self.get(agreement__uid=agreement_uid, meeting__uid=meeting_uid)


class AgreementMeeting(models.Model):
    """An agreement discussed or signed at a meeting."""

    class Role(models.TextChoices):
        DISCUSSED = "discussed", "Discussed"
        SIGNED = "signed", "Signed"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE)
    meeting = models.ForeignKey("events.Meeting", on_delete=models.CASCADE)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.DISCUSSED)

    objects = AgreementMeetingManager()
    # Which agreements a meeting saw is part of both records' story: their history pages list these versions.
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "meeting"], name="agreement_meeting_once"),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.get_role_display().lower()} at {self.meeting}"

    def natural_key(self) -> tuple[str, str]:
        return (str(self.agreement.uid), str(self.meeting.uid))

    natural_key.dependencies = ["events.agreement", "events.meeting"]
