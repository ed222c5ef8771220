from __future__ import annotations

from django.db import models

from .base import DatePrecision, Extracted, precision_check
from .history import HistoricalRecords


class Meeting(Extracted):
    """Two or more people meeting, in person or not, at a date known to some precision."""

    class Kind(models.TextChoices):
        IN_PERSON = "in_person", "In-person bilateral"
        PHONE_CALL = "phone_call", "Phone call"
        VIDEO_CALL = "video_call", "Video call"
        SUMMIT_SIDELINES = "summit_sidelines", "On the sidelines of a summit"
        DIALOGUE = "dialogue", "Dialogue or ministerial mechanism"
        SUMMIT = "summit", "Summit"
        VISIT = "visit", "Visit"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned"

    date = models.DateField(null=True, blank=True, help_text="First day of the period when the precision is month or year.")
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    date_text = models.CharField(max_length=100, blank=True, help_text="The words the date was read from.")
    end_date = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.IN_PERSON)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    title = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    occasion = models.CharField(max_length=200, blank=True, help_text='The event it took place at: "G20 Summit".')
    city = models.CharField(max_length=100, blank=True)
    country = models.ForeignKey("events.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="meetings")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            precision_check("date", "date_precision", "meeting_date_precision_valid"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("date")),
                name="meeting_ends_after_start",
            ),
        ]
        indexes = [
            # /api/meetings/?date_after=&date_before= and the admin's date_hierarchy.
            models.Index(fields=["date"], name="meeting_date"),
            # meeting_list_order, the API's order, is made by migration 0008 in SQL: SQLite has no NULLS LAST in an
            # index, and its NULLs come last in a descending order anyway.
            # The meetings a reader may see: COUNT(*) of a filtered page (?country=, ?person=) probes it by id with an
            # index-only scan where PostgreSQL read the whole table (EXPLAIN at 100,000 meetings, python -m bench).
            models.Index(fields=["id"], condition=~models.Q(review_state="rejected"), name="meeting_shown"),
            # ?date_after=: a meeting of several days that started before the day still counts (few rows have one).
            models.Index(fields=["end_date"], condition=models.Q(end_date__isnull=False), name="meeting_end_date"),
            # /api/meetings/?kind= and ?review_state= filters.
            models.Index(fields=["kind"], name="meeting_kind"),
            models.Index(fields=["review_state"], name="meeting_review_state"),
        ]

    def __str__(self) -> str:
        who = self.title or "Meeting"
        width = {"day": 10, "month": 7, "year": 4}.get(self.date_precision, 10)
        when = self.date.isoformat()[:width] if self.date else "undated"
        return f"{who} ({when})"

    def identity(self) -> tuple[str, ...]:
        return (self.title, self.date.isoformat() if self.date else "")

    def rebuild_title(self) -> bool:
        """Title the meeting after its resolved participants again (after a merge renamed or joined them).

        A title a curator wrote (locked) is kept; a verified meeting's is rebuilt, since a merge is a
        curator's act too. True when the title changed; the meeting is not saved.
        """
        if "title" in self.locked_fields:
            return False
        names = [p.person.name for p in self.participants.select_related("person").order_by("id") if p.person_id]
        title = meeting_title(list(dict.fromkeys(names)), self.occasion)
        changed = bool(title) and title != self.title
        if changed:
            self.title = title
        return changed


def meeting_title(names: list[str], occasion: str = "") -> str:
    """A meeting's title from its participants' names: "A - B", "A - B at the G20 Summit", or the occasion alone."""
    joined = " - ".join(names)
    if occasion and joined:
        return f"{joined} at the {occasion}"[:300]
    return (joined or occasion)[:300]


class ParticipantManager(models.Manager):
    def get_by_natural_key(self, meeting_uid: str, raw_name: str) -> Participant:
        return self.get(meeting__uid=meeting_uid, raw_name=raw_name)


class Participant(models.Model):
    """A person at a meeting, with the office they held then and the side they were on.

    An unresolved mention keeps its raw name with no person, for a curator to resolve.
    """

    class Side(models.TextChoices):
        HOST = "host", "Host"
        GUEST = "guest", "Guest"
        UNKNOWN = "", "Unknown"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("events.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="participations")
    raw_name = models.CharField(max_length=200, help_text="The name as the article wrote it.")
    office = models.ForeignKey("events.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="participations")
    country = models.ForeignKey("events.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="participations")
    side = models.CharField(max_length=5, choices=Side.choices, blank=True)

    objects = ParticipantManager()
    # Who took part is part of a meeting's story: its history page shows these versions beside the meeting's own,
    # and a revert restores the participants a version had.
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], condition=models.Q(person__isnull=False),
                                    name="participant_once_per_meeting"),
            models.UniqueConstraint(fields=["meeting", "raw_name"], name="participant_raw_name_once_per_meeting"),
        ]
        indexes = [
            # /api/meetings/?country= and the relations endpoint ask for the meetings of a country's participants:
            # an index-only scan, and a probe per meeting when a page is read in the API's order.
            models.Index(fields=["country", "meeting"], name="participant_country_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.raw_name} at {self.meeting}"

    def natural_key(self) -> tuple[str, str]:
        return (str(self.meeting.uid), self.raw_name)

    natural_key.dependencies = ["events.meeting", "events.person"]
