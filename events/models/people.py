"""People and the posts they hold, after Popolo / Open Civic Data: Person, Office, Tenure."""
from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from .base import DatePrecision, Extracted, UidManager, period_ends_on_or_after, precision_check
from .history import HistoricalRecords


class Person(Extracted):
    name = models.CharField(max_length=200, help_text="Full name as usually written in English.")
    country = models.ForeignKey("events.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="persons")
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            # /api/persons/?search= and the admin's search start from the name.
            models.Index(Lower("name"), name="person_name_lower"),
            # /api/persons/?review_state=rejected (a curator's review queue).
            models.Index(fields=["review_state"], name="person_review_state"),
        ]

    def __str__(self) -> str:
        return self.name

    def identity(self) -> tuple[str, ...]:
        return (self.name, self.country.code if self.country_id else "")


class PersonAliasManager(models.Manager):
    def get_by_natural_key(self, name: str, person_uid: str) -> PersonAlias:
        return self.get(name=name, person__uid=person_uid)


class PersonAlias(models.Model):
    """Every spelling seen for a person: "PM Modi", "Kamikawa Yoko", "S. Jaishankar"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    objects = PersonAliasManager()
    # The spellings decide which mentions resolve to a person: the person's history page lists these versions.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), "person", name="person_alias_unique_per_person_ci"),
        ]
        indexes = [
            # Resolving a mention: PersonAlias.objects.filter(name__iexact=...) during ingest.
            models.Index(Lower("name"), name="person_alias_name_lower"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str, str]:
        return (self.name, str(self.person.uid))

    natural_key.dependencies = ["events.person"]


class OfficeManager(models.Manager):
    def get_by_natural_key(self, title: str, country_code: str | None, ministry: str = "") -> Office:
        # `ministry` defaults to none: a dataset written before it was part of the key names offices by two values.
        if country_code is None:
            return self.get(title=title, country__isnull=True, ministry=ministry)
        return self.get(title=title, country__code=country_code, ministry=ministry)


class Office(models.Model):
    """A post that a person can hold: "Prime Minister" of Japan; or, with no country, a post of an international
    body that is no party here ("Managing Director" of the IMF) or one whose country no article has given.

    A post is within an organisation, as Popolo's and Open Civic Data's posts are: a country's ministry when the title
    does not say which ("Vice Minister" of Foreign Affairs and of Defence are two posts). An office is its title, its
    country and its ministry, empty when the title is the whole post ("Prime Minister")."""

    class Kind(models.TextChoices):
        HEAD_OF_STATE = "head_of_state", "Head of state"
        HEAD_OF_GOVERNMENT = "head_of_government", "Head of government"
        FOREIGN_MINISTER = "foreign_minister", "Foreign minister"
        DEFENCE_MINISTER = "defence_minister", "Defence minister"
        MINISTER = "minister", "Other minister"
        DEPUTY_MINISTER = "deputy_minister", "Deputy or vice minister"
        SECURITY_ADVISER = "security_adviser", "National security adviser"
        SENIOR_OFFICIAL = "senior_official", "Senior official"
        DIPLOMAT = "diplomat", "Diplomat"
        SPOKESPERSON = "spokesperson", "Spokesperson"
        OTHER = "other", "Other"

    # A country has one of each at a time: a second holder seen later means the first had left. Not ministers in
    # general (a cabinet has many), deputies, nor posts of an international body.
    ONE_HOLDER_KINDS = frozenset({Kind.HEAD_OF_STATE, Kind.HEAD_OF_GOVERNMENT, Kind.FOREIGN_MINISTER,
                                  Kind.DEFENCE_MINISTER})

    title = models.CharField(max_length=200)
    country = models.ForeignKey("events.Country", on_delete=models.PROTECT, related_name="offices", null=True,
                                blank=True, help_text="Empty for an international body's post or an unknown country.")
    ministry = models.CharField(max_length=200, blank=True,
                                help_text="The ministry or organisation the post is in, when the title does not say.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    objects = OfficeManager()

    class Meta:
        ordering = ["country__code", "title"]
        constraints = [
            models.UniqueConstraint(fields=["country", "ministry", "title"],
                                    name="office_unique_title_per_country_ministry"),
            # NULLs are distinct in a unique constraint: the offices without a country need their own.
            models.UniqueConstraint(fields=["ministry", "title"], condition=models.Q(country__isnull=True),
                                    name="office_unique_title_per_ministry_without_country"),
        ]
        indexes = [
            # /api/offices/?kind= and /api/persons/?office_kind= (through the tenures).
            models.Index(fields=["kind"], name="office_kind"),
        ]

    def __str__(self) -> str:
        title = f"{self.title}, {self.ministry}" if self.ministry else self.title
        return f"{title} ({self.country.code})" if self.country_id else title

    def natural_key(self) -> tuple[str, str | None, str]:
        return (self.title, self.country.code if self.country_id else None, self.ministry)

    natural_key.dependencies = ["events.country"]


class TenureQuerySet(models.QuerySet):
    def held_on(self, day: datetime.date) -> TenureQuerySet:
        """The tenures whose record shows their holder in office on `day`.

        From the tenure's start, or, with no start, the first day it was seen. Until its end; with no end, a tenure
        whose start is known runs until another holder was seen in the office (`ended_by`) or to now, as a curator
        who gives a start and no end means; one known only from sightings is known until its last (`seen_until`), and
        is not guessed beyond. A date known to a month or year counts for its whole period at the end ("in office
        until June 2024" holds on 15 June) and from its first day at the start. A tenure with neither a start nor a
        sighting is on no day.
        """
        starts = Q(start_date__lte=day) | Q(start_date__isnull=True, seen_from__lte=day)
        no_end = Q(end_date__isnull=True)
        ends = (
            (~no_end & period_ends_on_or_after(day, "end_date", "end_precision"))
            | (no_end & Q(start_date__isnull=False, ended_by__isnull=True))
            | (no_end & Q(start_date__isnull=False) & period_ends_on_or_after(day, "ended_by", "ended_by_precision"))
            | (no_end & Q(start_date__isnull=True) & period_ends_on_or_after(day, "seen_until", "seen_until_precision"))
        )
        return self.filter(starts & ends)


class Tenure(Extracted):
    """A person in an office between two dates, so "the Japanese Prime Minister" depends on when.

    `start_date` and `end_date` are when the tenure began and ended, as Popolo's membership has them; the
    articles seldom say. What they do show is the person in the office on a day (a meeting they took part in with
    the title, or the article's date): `seen_from` and `seen_until` are the first and last of those days. When a
    later article shows another holder of an office that has one holder at a time (a country's head of state or
    government, foreign or defence minister), the tenure had ended by that holder's first sighting: `ended_by`.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tenures")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="tenures")
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    seen_from = models.DateField(null=True, blank=True,
                                 help_text="The first day an article shows the person in the office.")
    seen_from_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    seen_until = models.DateField(null=True, blank=True,
                                  help_text="The last day an article shows the person in the office.")
    seen_until_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    ended_by = models.DateField(
        null=True, blank=True,
        help_text="Ended no later than this: another holder of this one-holder office was seen in it then.",
    )
    ended_by_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)

    objects = UidManager.from_queryset(TenureQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["person", "office", "start_date"], name="tenure_unique_start"),
            models.UniqueConstraint(fields=["person", "office"], condition=models.Q(start_date__isnull=True),
                                    name="tenure_unique_undated"),
            models.CheckConstraint(condition=models.Q(end_date__isnull=True) | models.Q(start_date__isnull=True)
                                   | models.Q(end_date__gte=models.F("start_date")), name="tenure_ends_after_start"),
            precision_check("start_date", "start_precision", "tenure_start_precision_valid"),
            precision_check("end_date", "end_precision", "tenure_end_precision_valid"),
            precision_check("seen_from", "seen_from_precision", "tenure_seen_from_precision_valid"),
            precision_check("seen_until", "seen_until_precision", "tenure_seen_until_precision_valid"),
            precision_check("ended_by", "ended_by_precision", "tenure_ended_by_precision_valid"),
            models.CheckConstraint(condition=models.Q(seen_until__isnull=True) | models.Q(seen_from__isnull=True)
                                   | models.Q(seen_until__gte=models.F("seen_from")), name="tenure_seen_in_order"),
        ]
        indexes = [
            # /api/persons/?held_office_on=DATE: start_date <= DATE and end_date on or after it.
            models.Index(fields=["start_date", "end_date"], name="tenure_dates"),
        ]

    def __str__(self) -> str:
        if self.start_date or self.end_date:
            until = self.end_date or (f"by {self.ended_by}" if self.ended_by else "now")
            span = f"{self.start_date or '?'} to {until}"
        elif self.seen_from:  # known only from sightings: no "to now" that nothing shows
            span = f"seen {self.seen_from} to {self.seen_until}"
            if self.ended_by:
                span += f", ended by {self.ended_by}"
        else:
            span = "dates unknown"
        return f"{self.person} as {self.office} ({span})"

    def identity(self) -> tuple[str, ...]:
        # Without the office's ministry: the uids of datasets written before offices had one stay the same. One person
        # in two posts of one title (two ministries) is rare; the second tenure keeps a random uid (give_stable_uid).
        return (str(self.person.uid), self.office.title, self.office.country.code if self.office.country_id else "")
