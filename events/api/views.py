"""The API's endpoints.

Each list runs a fixed number of queries whatever the page size: every relation its
serializer reads is in the viewset's select_related / prefetch_related.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from events import deletion, merging
from events.models import (
    Agreement,
    AgreementMeeting,
    AgreementSource,
    Article,
    Country,
    Meeting,
    MeetingSource,
    Office,
    Participant,
    Person,
    PersonSource,
    ReviewState,
    Tenure,
)

from . import filter_types, filters, meeting_page
from . import serializers as s
from .conditional import ConditionalRecord
from .exceptions import InUse
from .parameters import KnownParametersOnly
from .permissions import hide_rejected, is_curator
from .relations import bilateral
from .response_cache import CachedReads

# Ids in paths: digits that fit the id column, so /api/persons/abc/ is a 404 before any query.
ID_IN_PATH = "[0-9]{1,18}"

# A detail view reads this queryset; a list reads its page as plain rows (meeting_page), each nested list in the
# order given here (by id). The nested lists are prefetched into plain lists (to_attr, read by s.Prefetched): into a
# related manager, Django clones and filters the prefetch's queryset once per meeting, which a py-spy profile of the
# meetings filter at 100,000 meetings showed as 13% of a request. A source's article is read without its text.
MEETINGS = (
    Meeting.objects.select_related("country").defer(*(f"country__{f}" for f in ("official_name", "aliases", "demonyms",
                                                                              "capital", "kind")))
    .prefetch_related(
        Prefetch("agreementmeeting_set",
                 AgreementMeeting.objects.select_related("agreement").exclude(agreement__review_state=ReviewState.REJECTED)
                 .order_by("id"), to_attr=s.PREFETCHED["agreementmeeting_set"]),
        Prefetch("sources", MeetingSource.objects.select_related("article").defer("article__text").order_by("id"),
                 to_attr=s.PREFETCHED["sources"]),
    )
    .order_by(F("date").desc(nulls_last=True), "title", "id")
)


def shown_participants(request: Request) -> QuerySet:
    """Participants in a meeting's order, less the persons a curator rejected unless the reader curates persons."""
    # Participant's default ordering goes through the meeting's (date, title), a join to every meeting of the page
    # for an order that only matters within one meeting.
    # Only what ParticipantSerializer shows: the other columns of a person, office and country (JSON and
    # timestamps among them) were decoded for every row of the page and never shown.
    participants = (Participant.objects.select_related("person", "office__country", "country")
                    .only("meeting_id", "raw_name", "side", "person__name", "office__title", "office__kind",
                          "office__ministry", "office__country__code", "country__code")
                    .order_by("meeting_id", "id"))
    if not is_curator(request, Person):
        participants = participants.exclude(person__review_state=ReviewState.REJECTED)
    return participants


def with_participants(meetings: QuerySet, request: Request) -> QuerySet:
    """Meetings with the participants the reader may see."""
    return meetings.prefetch_related(Prefetch("participants", shown_participants(request),
                                              to_attr=s.PREFETCHED["participants"]))


def meetings_page(view: viewsets.GenericViewSet, meetings: QuerySet) -> Response:
    """A page of meetings as MeetingSerializer shows them, read as plain rows (events.api.meeting_page)."""
    page = view.paginate_queryset(meeting_page.rows(meetings))
    return view.get_paginated_response(meeting_page.represent(page, shown_participants(view.request)))


class MergedRedirect:
    """A merged record's old id answers 301 to the record it was merged into, with `merged_into` in the body."""

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            survivor = merging.survivor_of(self.queryset.model, int(self.kwargs[self.lookup_field]))
            if survivor is None:
                raise
        url = reverse(f"{self.basename}-detail", args=[survivor.pk], request=request)
        body = {"detail": f"Merged into {survivor.pk}.", "merged_into": url}
        return Response(body, status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": url})


class HideRejected:
    """Rejected records are hidden from readers; a curator sees them on asking (see hide_rejected)."""

    listing_actions: tuple[str, ...] = ("list",)

    def get_queryset(self) -> QuerySet:
        return hide_rejected(super().get_queryset(), self.request, listing=self.action in self.listing_actions)


class CountryViewSet(CachedReads, KnownParametersOnly, viewsets.ReadOnlyModelViewSet):
    queryset = Country.objects.order_by("name")
    serializer_class = s.CountrySerializer
    filterset_class = filters.CountrySetFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    extra_parameters = {"relations": ("with",)}

    def get_object(self) -> Country:
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()

    @extend_schema(
        parameters=[
            OpenApiParameter("with", OpenApiTypes.STR, required=True, description="ISO code of the other country.")
        ],
        responses=s.RelationsSerializer,
    )
    @action(detail=True, filter_backends=[], pagination_class=None)
    def relations(self, request: Request, code: str | None = None) -> Response:
        """Meetings per year and kind, the people who met most, and agreements by status between two countries."""
        country = self.get_object()
        other = other_country(request.query_params.get("with"), country)
        meetings = hide_rejected(Meeting.objects.all(), request, listing=True)
        agreements = hide_rejected(Agreement.objects.all(), request, listing=True)
        persons = hide_rejected(Person.objects.all(), request, listing=True)
        return Response(s.RelationsSerializer(bilateral(country, other, meetings, agreements, persons)).data)


def other_country(code: str | None, country: Country) -> Country:
    if not code:
        raise serializers.ValidationError({"with": ["Give the ISO code of the other country: ?with=JP."]})
    try:
        other = Country.objects.filter(code=filter_types.country_code(code)).first()
    except DjangoValidationError as error:
        raise serializers.ValidationError({"with": error.messages}) from None
    if other is None:
        raise serializers.ValidationError({"with": [f"{filter_types.EXPECTED_COUNTRY}; no country has the code {code!r}."]})
    if other == country:
        raise serializers.ValidationError({"with": ["Name a country other than the one in the path."]})
    return other


class OfficeViewSet(CachedReads, KnownParametersOnly, ConditionalRecord, viewsets.ModelViewSet):
    queryset = Office.objects.select_related("country").order_by("country__code", "title", "id")
    serializer_class = s.OfficeSerializer
    filterset_class = filters.OfficeFilter
    lookup_value_regex = ID_IN_PATH


class ArticleViewSet(CachedReads, KnownParametersOnly, viewsets.ReadOnlyModelViewSet):
    queryset = Article.objects.order_by(F("published").desc(nulls_last=True), "file_name", "id")
    serializer_class = s.ArticleSerializer
    filterset_class = filters.ArticleFilter
    lookup_value_regex = ID_IN_PATH

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        # The full text only on the detail view: a page of them would be megabytes.
        return s.ArticleDetailSerializer if self.action == "retrieve" else s.ArticleSerializer


class PersonViewSet(CachedReads, KnownParametersOnly, ConditionalRecord, MergedRedirect, HideRejected, viewsets.ModelViewSet):
    queryset = Person.objects.select_related("country").prefetch_related(
        "aliases",
        Prefetch("tenures", Tenure.objects.exclude(review_state=ReviewState.REJECTED)
                 .select_related("office__country").order_by(F("start_date").desc(nulls_last=True), "id")),
        Prefetch("sources", PersonSource.objects.select_related("article")),
    ).order_by("name", "id")
    serializer_class = s.PersonSerializer
    filterset_class = filters.PersonFilter
    lookup_value_regex = ID_IN_PATH

    listing_actions = ("list", "meetings")
    paginated_actions = ("meetings",)

    def perform_destroy(self, instance: Person) -> None:
        """A person who holds tenures or took part in meetings is not deleted (they would go, or lose their
        person): a duplicate is merged instead."""
        refused = deletion.refusal(instance)
        if refused:
            raise InUse(refused)
        super().perform_destroy(instance)

    @extend_schema(responses=s.MeetingSerializer(many=True), filters=True)
    @action(detail=True, queryset=MEETINGS, serializer_class=s.MeetingSerializer, filterset_class=filters.MeetingFilter)
    def meetings(self, request: Request, pk: str | None = None) -> Response:
        """The meetings this person took part in, with the same filters as /api/meetings/."""
        person = get_object_or_404(hide_rejected(Person.objects.all(), request, listing=False), pk=pk)
        meetings = self.filter_queryset(self.get_queryset()).filter(
            id__in=Participant.objects.filter(person=person).values("meeting_id")
        )
        return meetings_page(self, meetings)


class MeetingViewSet(CachedReads, KnownParametersOnly, ConditionalRecord, MergedRedirect, HideRejected, viewsets.ModelViewSet):
    queryset = MEETINGS
    serializer_class = s.MeetingSerializer
    filterset_class = filters.MeetingFilter
    lookup_value_regex = ID_IN_PATH

    def get_queryset(self) -> QuerySet:
        return with_participants(super().get_queryset(), self.request)

    def list(self, request: Request, *args, **kwargs) -> Response:
        return meetings_page(self, self.filter_queryset(self.get_queryset()))


class AgreementViewSet(CachedReads, KnownParametersOnly, ConditionalRecord, MergedRedirect, HideRejected, viewsets.ModelViewSet):
    queryset = Agreement.objects.prefetch_related(
        "parties",
        Prefetch("agreementmeeting_set",
                 AgreementMeeting.objects.select_related("meeting").exclude(meeting__review_state=ReviewState.REJECTED)),
        Prefetch("sources", AgreementSource.objects.select_related("article")),
    ).order_by("name", "id")
    serializer_class = s.AgreementSerializer
    filterset_class = filters.AgreementFilter
    lookup_value_regex = ID_IN_PATH
