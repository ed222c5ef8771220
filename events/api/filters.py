"""Query parameters of the list endpoints.

Every value goes through a form field (filter_types), so a bad one answers 400 naming the parameter
and what is expected, and text is capped before it reaches the database.
Conditions on related rows are `id IN (subquery)` rather than joins: no duplicate rows,
so no DISTINCT, and the page query stays one query whatever the filters.
"""
from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django_filters import rest_framework as filters

from events.models import (
    Agreement,
    AgreementMeeting,
    Article,
    Country,
    Meeting,
    Office,
    Participant,
    Person,
    PersonAlias,
    ReviewState,
    Tenure,
)
from events.models.base import period_ends_on_or_after

from .filter_types import (
    ChoicesFilter,
    CountriesFilter,
    CountryFilter,
    DateFilter,
    IdFilter,
    OrderingFilter,
    SearchFilter,
    TextFilter,
    words,
)


def review_state_filter() -> filters.MultipleChoiceFilter:
    return ChoicesFilter(
        choices=ReviewState.choices,
        help_text="Review state, repeatable. Rejected records are listed only to curators who ask for them.",
    )


def persons_named(word: str) -> QuerySet:
    """Ids of the persons whose name or an alias holds `word`.

    A union rather than `name LIKE .. OR id IN (aliases)`: PostgreSQL can serve each half from its trigram index
    (migration 0008), where the OR made it read every person.
    """
    names = Person.objects.filter(name__icontains=word).order_by().values("id")
    return names.union(PersonAlias.objects.filter(name__icontains=word).order_by().values("person_id"), all=True)


# ----------------------------------------------------------------------------- filter sets


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet with its form class built once per filter set instead of once per request.

    django-filter builds the class on every request from each filter's form field (a new field, its label worked
    out from the model); a cProfile of the meetings filter's filterset alone put a third of its time there. The
    class only depends on the filters as declared (no filter set here builds its filters from the request), and
    every form made from it deep-copies its fields, so no request's form shares state with another's.
    """

    @classmethod
    def built_form_class(cls, build: Any) -> type:
        # Looked up in the class's own namespace: a subclass has other filters, so its own form class.
        form_class = cls.__dict__.get("_built_form_class")
        if form_class is None:
            form_class = build()
            cls._built_form_class = form_class
        return form_class

    def get_form_class(self) -> type:
        return self.built_form_class(super().get_form_class)


class CountrySetFilter(FilterSet):
    search = SearchFilter(method="filter_search", help_text="Code, name, official name or other names.")

    class Meta:
        model = Country
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in words(value):
            queryset = queryset.filter(
                Q(code__iexact=word) | Q(name__icontains=word) | Q(official_name__icontains=word)
                | Q(aliases__icontains=word)
            )
        return queryset


class OfficeFilter(FilterSet):
    country = CountryFilter(help_text="ISO code of the office's country.")
    kind = ChoicesFilter(choices=Office.Kind.choices, help_text="Kind of office, repeatable.")
    search = SearchFilter(field_name="title", lookup_expr="icontains", help_text="Words of the title.")
    ordering = OrderingFilter(fields=["title", "kind"])

    class Meta:
        model = Office
        fields: list[str] = []


class ArticleFilter(FilterSet):
    outlet = TextFilter(lookup_expr="icontains")
    published_after = DateFilter(field_name="published", lookup_expr="gte")
    published_before = DateFilter(field_name="published", lookup_expr="lte")
    search = SearchFilter(field_name="title", lookup_expr="icontains", help_text="Words of the title.")
    ordering = OrderingFilter(fields=["published", "title", "ingested_at"])

    class Meta:
        model = Article
        fields: list[str] = []


class PersonFilter(FilterSet):
    country = CountryFilter(help_text="ISO code of the person's country.")
    office_kind = ChoicesFilter(
        choices=Office.Kind.choices, method="filter_tenures",
        help_text="Held an office of this kind (repeatable); with held_office_on, on that day.",
    )
    held_office_on = DateFilter(
        method="filter_tenures",
        help_text="Held an office on this day (YYYY-MM-DD): between the tenure's start and end, or, where the "
                  "articles give neither, between the first and last days they show the person in it.",
    )
    review_state = review_state_filter()
    search = SearchFilter(method="filter_search", help_text="Words of the name or of any alias.")
    ordering = OrderingFilter(fields=["name", "created_at"])

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_tenures(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        # office_kind and held_office_on must hold for the same tenure: see filter_queryset.
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        kinds, day = self.form.cleaned_data.get("office_kind"), self.form.cleaned_data.get("held_office_on")
        if not kinds and day is None:
            return queryset
        tenures = Tenure.objects.exclude(review_state=ReviewState.REJECTED)
        if kinds:
            tenures = tenures.filter(office__kind__in=kinds)
        if day is not None:
            tenures = tenures.held_on(day)
        return queryset.filter(id__in=tenures.values("person_id"))

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in words(value):
            queryset = queryset.filter(id__in=persons_named(word))
        return queryset


class MeetingFilter(FilterSet):
    country = CountriesFilter(
        method="filter_country",
        help_text="ISO code of a participant's country. Repeat it for meetings with participants from each: "
                  "?country=IN&country=JP.",
    )
    person = IdFilter(method="filter_person", help_text="Id of a person who took part.")
    kind = ChoicesFilter(choices=Meeting.Kind.choices, help_text="Kind of meeting, repeatable.")
    date_after = DateFilter(
        method="filter_date_after",
        help_text='On or after this day; a meeting known to a month or year counts when its period reaches the day '
                  '("June 2024" is after 2024-06-15).',
    )
    date_before = DateFilter(
        method="filter_date_before",
        help_text="On or before this day; a meeting known to a month or year counts when its period starts by then.",
    )
    occasion = TextFilter(lookup_expr="icontains", help_text='Words of the occasion: "G20".')
    status = ChoicesFilter(choices=Meeting.Status.choices, help_text="Held or planned, repeatable.")
    review_state = review_state_filter()
    agreement = IdFilter(method="filter_agreement", help_text="Id of an agreement discussed or signed there.")
    search = SearchFilter(
        method="filter_search", help_text="Words of the title, the occasion, or a participant's name or alias."
    )
    ordering = OrderingFilter(fields=["date", "title", "created_at"])

    class Meta:
        model = Meeting
        fields: list[str] = []

    def filter_country(self, queryset: QuerySet, name: str, countries: list[Country]) -> QuerySet:
        for country in countries:
            queryset = queryset.filter(id__in=Participant.objects.filter(country=country).values("meeting_id"))
        return queryset

    def filter_person(self, queryset: QuerySet, name: str, person_id: int) -> QuerySet:
        return queryset.filter(id__in=Participant.objects.filter(person_id=person_id).values("meeting_id"))

    def filter_date_after(self, queryset: QuerySet, name: str, day: datetime.date) -> QuerySet:
        return queryset.filter(period_ends_on_or_after(day, "date", "date_precision") | Q(end_date__gte=day))

    def filter_date_before(self, queryset: QuerySet, name: str, day: datetime.date) -> QuerySet:
        # Every precision stores the first day of its period, so "starts by then" is a plain comparison.
        return queryset.filter(date__lte=day)

    def filter_agreement(self, queryset: QuerySet, name: str, agreement_id: int) -> QuerySet:
        return queryset.filter(id__in=AgreementMeeting.objects.filter(agreement_id=agreement_id).values("meeting_id"))

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A union, as in persons_named: each half has its trigram index on PostgreSQL (migrations 0008 and 0013),
        # where one OR across the tables read every meeting.
        for word in words(value):
            matching = (
                Meeting.objects.filter(title__icontains=word).order_by().values("id")
                .union(Meeting.objects.filter(occasion__icontains=word).order_by().values("id"),
                       Participant.objects.filter(raw_name__icontains=word).order_by().values("meeting_id"),
                       Participant.objects.filter(person__in=persons_named(word)).order_by().values("meeting_id"),
                       all=True)
            )
            queryset = queryset.filter(id__in=matching)
        return queryset


class AgreementFilter(FilterSet):
    party = CountriesFilter(
        method="filter_party",
        help_text="ISO code of a party. Repeat it for agreements that each is party to: ?party=IN&party=JP.",
    )
    status = ChoicesFilter(choices=Agreement.Status.choices, help_text="Status, repeatable.")
    kind = ChoicesFilter(choices=Agreement.Kind.choices, help_text="Kind of agreement, repeatable.")
    signed_after = DateFilter(
        method="filter_signed_after", help_text="Signed on or after this day (a month or year counts whole)."
    )
    signed_before = DateFilter(field_name="signed_date", lookup_expr="lte", help_text="Signed by this day.")
    meeting = IdFilter(method="filter_meeting", help_text="Id of a meeting where it was discussed or signed.")
    review_state = review_state_filter()
    search = SearchFilter(method="filter_search", help_text="Words of the name or of another name.")
    ordering = OrderingFilter(fields=["name", "signed_date", "created_at"])

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_party(self, queryset: QuerySet, name: str, countries: list[Country]) -> QuerySet:
        parties = Agreement.parties.through.objects
        for country in countries:
            queryset = queryset.filter(id__in=parties.filter(country=country).values("agreement_id"))
        return queryset

    def filter_signed_after(self, queryset: QuerySet, name: str, day: datetime.date) -> QuerySet:
        return queryset.filter(period_ends_on_or_after(day, "signed_date", "signed_precision"))

    def filter_meeting(self, queryset: QuerySet, name: str, meeting_id: int) -> QuerySet:
        return queryset.filter(id__in=AgreementMeeting.objects.filter(meeting_id=meeting_id).values("agreement_id"))

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in words(value):
            queryset = queryset.filter(Q(name__icontains=word) | Q(aliases__icontains=word))
        return queryset
