"""One record of every kind, linked the way ingestion links them, for fixture round trips.

Plain functions over the factories so that a subprocess (`manage.py shell`) can build the
same records in another database.
"""
from __future__ import annotations

import datetime
import json
import uuid

from events import models
from events.dataset import dataset_models
from tests import factories


def create_one_of_each() -> None:
    """Every events model with at least one row, each foreign key and M2M filled."""
    article = factories.ArticleFactory(outlet="The Hindu", url="https://example.org/a")
    person = factories.PersonFactory(name="Shigeru Ishiba", notes="Elected in 2024.", locked_fields=["name"])
    factories.PersonAliasFactory(person=person, name="PM Ishiba")
    office = factories.OfficeFactory(ministry="Cabinet Office")
    tenure = factories.TenureFactory(person=person, office=office, end_date=datetime.date(2025, 10, 21),
                                     end_precision=models.DatePrecision.DAY, review_state=models.ReviewState.VERIFIED)
    meeting = factories.MeetingFactory(title="Ishiba meets Modi", date=datetime.date(2024, 8, 1),
                                       date_precision=models.DatePrecision.MONTH, date_text="in August",
                                       end_date=datetime.date(2024, 8, 2), occasion="Quad summit")
    factories.ParticipantFactory(meeting=meeting, person=person, office=office,
                                 side=models.Participant.Side.GUEST)
    factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Indian Prime Minister",
                                 country=factories.country("IN"), side=models.Participant.Side.HOST)
    agreement = factories.AgreementFactory(name="Japan-India Special Strategic and Global Partnership",
                                           aliases=["SSGP"], signed_date=datetime.date(2014, 9, 1),
                                           signed_precision=models.DatePrecision.DAY,
                                           in_force_date=datetime.date(2015, 1, 1),
                                           in_force_precision=models.DatePrecision.YEAR)
    factories.AgreementMeetingFactory(agreement=agreement, meeting=meeting, role=models.AgreementMeeting.Role.SIGNED)
    for record, source in ((person, factories.PersonSourceFactory), (tenure, factories.TenureSourceFactory),
                           (meeting, factories.MeetingSourceFactory), (agreement, factories.AgreementSourceFactory)):
        source(record=record, article=article, evidence=f"Evidence for {record}.", start=3)
    # A person merged into Ishiba earlier: the old id and uid still lead to him.
    models.Merge.objects.create(kind=models.Merge.Kind.PERSON, old_id=999, old_uid=uuid.UUID(int=1),
                                old_label="Shigeru Ishba", survivor_uid=person.uid)
    models.DismissedPair.objects.create(kind=models.Merge.Kind.MEETING, first_uid=uuid.UUID(int=2),
                                        second_uid=uuid.UUID(int=3))


def snapshot() -> dict[str, dict[tuple, dict]]:
    """Every events record keyed by natural key, with values that do not depend on primary keys.

    Foreign keys and M2M relations are given as the related records' natural keys, so two
    databases holding the same records give equal snapshots. Datetimes are cut to the millisecond.
    """
    result: dict[str, dict[tuple, dict]] = {}
    for model in dataset_models():
        rows = {}
        for obj in model._default_manager.all():
            values = {}
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                if field.is_relation:
                    related = getattr(obj, field.name)
                    values[field.name] = related.natural_key() if related else None
                else:
                    values[field.name] = _to_the_millisecond(getattr(obj, field.attname))
            for field in model._meta.many_to_many:
                if field.remote_field.through._meta.auto_created:
                    values[field.name] = sorted(related.natural_key() for related in getattr(obj, field.name).all())
            rows[obj.natural_key()] = values
        result[model._meta.label] = rows
    return result


def _to_the_millisecond(value):
    # Django's JSON serializer writes datetimes to the millisecond (ECMA-262), so that is
    # all a JSON fixture can carry over.
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | uuid.UUID):
        return str(value)
    raise TypeError(f"{value!r} has no plain form")


def portable_snapshot() -> dict[str, list]:
    """snapshot() as plain JSON values, comparable across processes and database backends."""
    return json.loads(json.dumps(
        {label: sorted([list(key), values] for key, values in rows.items()) for label, rows in snapshot().items()},
        default=_plain,
    ))
