"""PersonRecords: the stored persons an article names, read together and kept current as the article writes."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.extraction.resolve.people import ArticlePerson, KnownPerson
from events.extraction.store.persist import PersonRecords
from events.models import Tenure
from tests.factories import OfficeFactory, PersonAliasFactory, PersonFactory, TenureFactory

pytestmark = pytest.mark.django_db


def known(person) -> ArticlePerson:
    return ArticlePerson(0, names=[person.name], known=KnownPerson(person.pk, person.name))


def test_the_matched_persons_are_read_in_three_queries_however_many_there_are():
    people = [PersonFactory() for _ in range(5)]
    for person in people:
        PersonAliasFactory(person=person)
        TenureFactory(person=person)
    with CaptureQueriesContext(connection) as captured:
        records = PersonRecords([p.pk for p in people])
        found = [records.find(known(p)) for p in people]
        offices = [records.offices(p) for p in people]
    assert len(captured) == 3
    assert found == people
    assert all(len(held) == 1 for held in offices)


def test_a_person_named_twice_is_the_same_record():
    person = PersonFactory(name="Ana Lima")
    records = PersonRecords([person.pk])
    by_key = records.find(known(person))
    by_name = records.find(ArticlePerson(1, names=["Ana Lima"]))
    assert by_key is by_name


def test_a_persons_offices_come_undated_first_then_by_start_date():
    person = PersonFactory()
    later = TenureFactory(person=person, office=OfficeFactory(title="Foreign Minister"),
                          start_date=datetime.date(2024, 1, 1))
    undated = TenureFactory(person=person, office=OfficeFactory(title="Prime Minister"), start_date=None,
                            start_precision="")
    earlier = TenureFactory(person=person, office=OfficeFactory(title="Finance Minister"),
                            start_date=datetime.date(2020, 1, 1))
    records = PersonRecords([person.pk])
    assert records.offices(person) == [undated.office, earlier.office, later.office]


def test_a_tenure_the_article_made_is_found_by_its_office():
    person = PersonFactory()
    office = OfficeFactory(title="Defence Minister")
    records = PersonRecords([person.pk])
    assert records.tenure(person, office) is None
    tenure = Tenure.objects.create(person=person, office=office)
    records.add_tenure(tenure)
    assert records.tenure(person, office) is tenure
    assert records.offices(person) == [office]


def test_a_person_the_article_made_has_no_aliases_or_tenures_to_read():
    person = PersonFactory()
    records = PersonRecords()
    with CaptureQueriesContext(connection) as captured:
        records.created(person)
        assert records.offices(person) == []
        assert records.aliases[person.pk] == set()
    assert len(captured) == 0
