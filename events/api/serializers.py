"""How each record reads and writes over the API.

The extraction scorer reads persons, meetings and agreements through these shapes
(../shared/eval/CONTRACT.md): keep `name`, `aliases`, `country.code`, `offices[].title`,
`date`/`date_precision`, `participants[].name` and `location.country.code`/`location.city`.
Nested objects are read-only; a curator writes a record's own fields, its aliases and parties.
"""
from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.curation import DATES, fields_to_lock, save_curated, settle_date
from events.models import (
    Agreement,
    AgreementMeeting,
    Article,
    Country,
    DatePrecision,
    Meeting,
    Office,
    Participant,
    Person,
    Tenure,
)

# ----------------------------------------------------------------------------- shared pieces


class CountryBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]
        read_only_fields = ["name"]


@extend_schema_field(CountryBriefSerializer)
class CountryRefField(serializers.RelatedField):
    """A country as {"code", "name"}; a client may write either "JP" or {"code": "JP"}."""

    default_error_messages = {
        "does_not_exist": "No country has the code {code!r}.",
        "invalid": 'Expected a two-letter ISO country code, or an object with "code".',
    }

    def __init__(self, **kwargs: Any) -> None:
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(**kwargs)

    def to_representation(self, value: Country) -> dict:
        return {"code": value.code, "name": value.name}

    def to_internal_value(self, data: Any) -> Country:
        code = data.get("code") if isinstance(data, dict) else data
        if not isinstance(code, str):
            self.fail("invalid")
        try:
            return self.get_queryset().get(code=code.strip().upper())
        except Country.DoesNotExist:
            self.fail("does_not_exist", code=code)

    def get_choices(self, cutoff: int | None = None) -> dict[str, str]:
        # The browsable API's select: keyed by code, since the representation (a dict) cannot be a key.
        queryset = self.get_queryset()
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {country.code: str(country) for country in queryset}


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "published", "url"]


class SourceSerializer(serializers.Serializer):
    """An article that supports a record, with the sentence that says so."""

    article = ArticleBriefSerializer(read_only=True)
    evidence = serializers.CharField(read_only=True)


class OfficeBriefSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Office
        fields = ["id", "title", "kind", "country", "ministry"]


class PersonBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name"]


class ExtractedSerializer(serializers.ModelSerializer):
    """Writes by a curator: dates agree with their precision, and edited fields get locked."""

    # (date field, its precision field, a later date field that must not come before it or None)
    dated_fields: tuple[tuple[str, str, str | None], ...] = ()

    def current(self, attrs: dict, name: str, default: Any = None) -> Any:
        """A field's value after this write, partial updates included."""
        return attrs[name] if name in attrs else getattr(self.instance, name, default)

    def to_internal_value(self, data: Any) -> dict:
        # A nested list (participants, sources...) is read-only: writing one must not answer 200 having done nothing.
        if isinstance(data, dict):
            nested = [name for name, field in self.fields.items()
                      if name in data and field.read_only and isinstance(field, serializers.BaseSerializer)]
            if nested:
                raise serializers.ValidationError(
                    {name: [f"{name} cannot be written through the API; a curator edits them in the admin."]
                     for name in nested})
        return super().to_internal_value(data)

    def validate(self, attrs: dict) -> dict:
        for date_field, precision_field, later_field in self.dated_fields:
            given = precision_field in attrs
            day, precision = self.current(attrs, date_field), self.current(attrs, precision_field, "")
            if day is not None and not precision and (given or self.instance is None):
                raise serializers.ValidationError({precision_field: "Give the precision of the date."})
            if day is None and precision and given:
                raise serializers.ValidationError({precision_field: "Leave empty when there is no date."})
            if date_field in attrs or given:
                # One rule with the admin: a day set on a month-precision date is a day, and so on.
                attrs[date_field], attrs[precision_field] = settle_date(day, precision, precision_given=given)
                text_field = dict((d, t) for d, _, t in DATES.get(self.Meta.model._meta.model_name, ())).get(date_field)
                if text_field and text_field not in attrs and self.instance is not None:
                    attrs[text_field] = ""  # the words the old date was read from no longer describe it
            start = attrs.get(date_field, day)
            later = self.current(attrs, later_field) if later_field else None
            if start is not None and later is not None and later < start:
                raise serializers.ValidationError({later_field: f"Must not be before {date_field}."})
        return attrs

    def save(self, **kwargs: Any) -> Any:
        if self.instance is None:
            # A field a curator set by hand is locked so that a re-parse never overwrites it, as in the admin.
            kwargs["locked_fields"] = fields_to_lock(self.Meta.model, self.validated_data)
        return super().save(**kwargs)

    @transaction.atomic
    def update(self, instance: Any, validated_data: dict) -> Any:
        """Write what the request changed, onto the row as it is now (save_curated), and lock those fields only: a PUT
        sends every field, and the ones it leaves as they were are no curator's decision."""
        many = {field.name for field in type(instance)._meta.many_to_many}
        # Told from the record as this request read it: a PUT sends every field, and its unchanged ones would write
        # back what an ingest has changed since.
        changed = [name for name, value in validated_data.items()
                   if (set(value) != set(getattr(instance, name).all()) if name in many
                       else value != getattr(instance, name))]
        old_state, new_state = instance.review_state, validated_data.get("review_state")
        moved = f"{new_state} (was {old_state}) " if new_state and new_state != old_state else ""
        for name, value in validated_data.items():
            if name not in many:
                setattr(instance, name, value)
        user = getattr(self.context.get("request"), "user", None)
        save_curated(instance, changed, user=user if user is not None and user.is_authenticated else None,
                     reason=f"{moved}edited through the API")
        for name in many & set(changed):
            getattr(instance, name).set(validated_data[name])
        return instance


# ----------------------------------------------------------------------------- countries, offices, articles


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "official_name", "aliases", "demonyms", "capital", "kind"]


class OfficeSerializer(serializers.ModelSerializer):
    country = CountryRefField()

    class Meta:
        model = Office
        fields = ["id", "title", "country", "ministry", "kind"]


class FileNameField(serializers.CharField):
    """The file's own name: the folder it was read from is the ingesting machine's business."""

    def to_representation(self, value: str) -> str:
        return re.split(r"[\\/]", str(value))[-1]


class ArticleSerializer(serializers.ModelSerializer):
    file_name = FileNameField(read_only=True, help_text="The name of the file the article was read from.")

    class Meta:
        model = Article
        fields = ["id", "file_name", "title", "outlet", "url", "published", "content_hash", "ingested_at"]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]


# ----------------------------------------------------------------------------- persons


class AliasNamesField(serializers.ListField):
    """A person's PersonAlias rows as a plain list of spellings."""

    child = serializers.CharField(max_length=200)

    def to_representation(self, aliases: Any) -> list[str]:
        return [alias.name for alias in aliases.all()]


class TenureSerializer(serializers.ModelSerializer):
    office = OfficeBriefSerializer(read_only=True)

    class Meta:
        model = Tenure
        fields = ["id", "office", "start_date", "start_precision", "end_date", "end_precision", "seen_from",
                  "seen_from_precision", "seen_until", "seen_until_precision", "ended_by", "ended_by_precision",
                  "review_state"]


class PersonSerializer(ExtractedSerializer):
    aliases = AliasNamesField(required=False, help_text="Other spellings seen in the articles.")
    country = CountryRefField(allow_null=True, required=False)
    offices = serializers.SerializerMethodField(help_text="Offices held, from the tenures.")
    tenures = TenureSerializer(many=True, read_only=True)
    meetings = serializers.HyperlinkedIdentityField(view_name="person-meetings", help_text="This person's meetings.")
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "id", "uid", "name", "aliases", "country", "offices", "tenures", "meetings", "sources", "notes",
            "review_state", "locked_fields", "created_at", "updated_at",
        ]
        read_only_fields = ["locked_fields"]

    @extend_schema_field(OfficeBriefSerializer(many=True))
    def get_offices(self, person: Person) -> list[dict]:
        offices = {tenure.office_id: tenure.office for tenure in person.tenures.all()}
        return OfficeBriefSerializer(offices.values(), many=True).data

    @transaction.atomic
    def create(self, validated_data: dict) -> Person:
        aliases = validated_data.pop("aliases", None)
        person = super().create(validated_data)
        if aliases is not None:
            set_aliases(person, aliases)
        return person

    @transaction.atomic
    def update(self, person: Person, validated_data: dict) -> Person:
        aliases = validated_data.pop("aliases", None)
        person = super().update(person, validated_data)
        if aliases is not None:
            set_aliases(person, aliases)
        return person


def set_aliases(person: Person, names: list[str]) -> None:
    """Make the person's aliases exactly `names`, compared without case as the constraint does."""
    wanted = {name.strip().lower(): name.strip() for name in names if name.strip()}
    existing = {alias.name.lower(): alias for alias in person.aliases.all()}
    person.aliases.filter(pk__in=[alias.pk for key, alias in existing.items() if key not in wanted]).delete()
    person.aliases.bulk_create(
        [person.aliases.model(person=person, name=name) for key, name in wanted.items() if key not in existing]
    )


# ----------------------------------------------------------------------------- meetings


class LocationSerializer(serializers.Serializer):
    """The venue, read from and written to the meeting's own city and country."""

    city = serializers.CharField(max_length=100, allow_blank=True, required=False)
    country = CountryRefField(allow_null=True, required=False)


# relation -> attribute the meeting list prefetches it into (events.api.views.MEETINGS)
PREFETCHED = {"participants": "shown_participants", "agreementmeeting_set": "shown_agreements",
              "sources": "listed_sources"}


class Prefetched(serializers.ListSerializer):
    """A to-many relation read from the list the view prefetched it into, or from the relation itself on a record
    that was not read through the view's queryset (one just created)."""

    def get_attribute(self, instance: Any) -> Any:
        try:
            return getattr(instance, PREFETCHED[self.source])
        except AttributeError:
            return super().get_attribute(instance)


class ParticipantSerializer(serializers.ModelSerializer):
    person = PersonBriefSerializer(read_only=True, allow_null=True)
    name = serializers.SerializerMethodField(help_text="The person's name, or the name as the article wrote it.")
    office = OfficeBriefSerializer(read_only=True, allow_null=True, help_text="The office held at the time.")
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = ["person", "name", "raw_name", "office", "country", "side"]

    def get_name(self, participant: Participant) -> str:
        return participant.person.name if participant.person else participant.raw_name


class MeetingAgreementSerializer(serializers.ModelSerializer):
    """An agreement discussed or signed at the meeting."""

    id = serializers.IntegerField(source="agreement.id", read_only=True)
    name = serializers.CharField(source="agreement.name", read_only=True)
    status = serializers.ChoiceField(source="agreement.status", choices=Agreement.Status.choices, read_only=True)

    class Meta:
        model = AgreementMeeting
        fields = ["id", "name", "status", "role"]


class MeetingSerializer(ExtractedSerializer):
    dated_fields = (("date", "date_precision", "end_date"),)

    location = LocationSerializer(source="*", required=False)
    participants = Prefetched(child=ParticipantSerializer(), read_only=True)
    agreements = Prefetched(child=MeetingAgreementSerializer(), source="agreementmeeting_set", read_only=True)
    sources = Prefetched(child=SourceSerializer(), read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id", "uid", "date", "date_precision", "date_text", "end_date", "kind", "status", "title", "summary",
            "occasion", "location", "participants", "agreements", "sources", "review_state", "locked_fields",
            "created_at", "updated_at",
        ]
        read_only_fields = ["locked_fields"]


# ----------------------------------------------------------------------------- agreements


class AgreementMeetingSerializer(serializers.ModelSerializer):
    """A meeting where the agreement was discussed or signed."""

    id = serializers.IntegerField(source="meeting.id", read_only=True)
    title = serializers.CharField(source="meeting.title", read_only=True)
    date = serializers.DateField(source="meeting.date", read_only=True, allow_null=True)
    date_precision = serializers.ChoiceField(source="meeting.date_precision", choices=DatePrecision.choices,
                                             read_only=True, allow_blank=True)

    class Meta:
        model = AgreementMeeting
        fields = ["id", "title", "date", "date_precision", "role"]


class AgreementSerializer(ExtractedSerializer):
    dated_fields = (("signed_date", "signed_precision", "in_force_date"), ("in_force_date", "in_force_precision", None))

    aliases = serializers.ListField(child=serializers.CharField(max_length=300), required=False,
                                    help_text="Other names the articles use for it.")
    parties = CountryRefField(many=True, required=False)
    meetings = AgreementMeetingSerializer(source="agreementmeeting_set", many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id", "uid", "name", "aliases", "kind", "status", "parties", "signed_date", "signed_precision",
            "in_force_date", "in_force_precision", "meetings", "sources", "review_state", "locked_fields",
            "created_at", "updated_at",
        ]
        read_only_fields = ["locked_fields"]


# ----------------------------------------------------------------------------- bilateral relations


class YearKindCountSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices)
    count = serializers.IntegerField()


class PersonCountSerializer(serializers.Serializer):
    person = PersonBriefSerializer()
    country = serializers.CharField(allow_null=True)
    meetings = serializers.IntegerField()


class StatusCountSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Agreement.Status.choices)
    count = serializers.IntegerField()


class AgreementBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agreement
        fields = ["id", "name", "kind", "status", "signed_date", "signed_precision"]


class RelationsSerializer(serializers.Serializer):
    """The bilateral picture between two countries."""

    countries = CountryBriefSerializer(many=True)
    meetings_total = serializers.IntegerField()
    meetings_by_year_and_kind = YearKindCountSerializer(many=True)
    people_who_met_most = PersonCountSerializer(many=True)
    agreements_by_status = StatusCountSerializer(many=True)
    agreements = AgreementBriefSerializer(many=True)
