"""factory_boy factories for the models: tests build records here, never from JSON blobs."""
from __future__ import annotations

import datetime
import hashlib

import factory

from events import models


def country(code: str) -> models.Country:
    """Countries come from the data migration; tests look them up by code."""
    return models.Country.objects.get(code=code)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    country = factory.LazyFunction(lambda: country("JP"))


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda o: o.person.name.split()[-1])


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Office
        django_get_or_create = ("country", "title", "ministry")

    title = "Prime Minister"
    country = factory.LazyFunction(lambda: country("JP"))
    ministry = ""
    kind = models.Office.Kind.HEAD_OF_GOVERNMENT


class TenureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Tenure

    person = factory.SubFactory(PersonFactory)
    office = factory.SubFactory(OfficeFactory)
    start_date = datetime.date(2024, 10, 1)
    start_precision = models.DatePrecision.DAY


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    date = datetime.date(2024, 8, 20)
    date_precision = models.DatePrecision.DAY
    kind = models.Meeting.Kind.IN_PERSON
    title = factory.Sequence(lambda n: f"Meeting {n}")
    city = "New Delhi"
    country = factory.LazyFunction(lambda: country("IN"))


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participant

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    raw_name = factory.LazyAttribute(lambda o: o.person.name if o.person else "Unknown")
    country = factory.LazyAttribute(lambda o: o.person.country if o.person else None)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agreement

    name = factory.Sequence(lambda n: f"Agreement on Cooperation {n}")
    kind = models.Agreement.Kind.AGREEMENT
    status = models.Agreement.Status.SIGNED

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            self.parties.set([country(code) for code in (extracted or ["IN", "JP"])])


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    file_name = factory.Sequence(lambda n: f"article_{n}.txt")
    title = factory.Sequence(lambda n: f"Headline {n}")
    published = datetime.date(2024, 8, 21)
    text = factory.Sequence(lambda n: f"Article body number {n}.")
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())


class AgreementMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgreementMeeting

    agreement = factory.SubFactory(AgreementFactory)
    meeting = factory.SubFactory(MeetingFactory)


class PersonSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonSource

    record = factory.SubFactory(PersonFactory)
    article = factory.SubFactory(ArticleFactory)
    evidence = factory.LazyAttribute(lambda o: o.article.text)


class TenureSourceFactory(PersonSourceFactory):
    class Meta:
        model = models.TenureSource

    record = factory.SubFactory(TenureFactory)


class MeetingSourceFactory(PersonSourceFactory):
    class Meta:
        model = models.MeetingSource

    record = factory.SubFactory(MeetingFactory)


class AgreementSourceFactory(PersonSourceFactory):
    class Meta:
        model = models.AgreementSource

    record = factory.SubFactory(AgreementFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-test-password-1")
