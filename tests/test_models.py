"""The rules of the data model, as the database enforces them, and how records name themselves."""
from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from events import models
from tests import factories

pytestmark = pytest.mark.django_db

DAY = models.DatePrecision.DAY
JUNE_1 = datetime.date(2024, 6, 1)
MAY_31 = datetime.date(2024, 5, 31)


def rejected(create, constraint: str) -> bool:
    """Whether `create` fails on `constraint` (a constraint's name, or the unique column)."""
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    message = str(error.value)
    # SQLite names the columns of a violated unique index, not the index.
    return constraint in message or (connection.vendor == "sqlite" and "UNIQUE constraint failed" in message)


# Uniqueness ---------------------------------------------------------------------------------

def test_alias_is_unique_per_person_ignoring_case():
    alias = factories.PersonAliasFactory(name="PM Modi")
    assert rejected(lambda: factories.PersonAliasFactory(person=alias.person, name="pm MODI"),
                    "person_alias_unique_per_person_ci")


def test_same_alias_may_belong_to_two_people():
    factories.PersonAliasFactory(name="Mr Kim")
    factories.PersonAliasFactory(name="Mr Kim")
    assert models.PersonAlias.objects.filter(name="Mr Kim").count() == 2


def test_office_title_is_unique_per_country_and_ministry():
    office = factories.OfficeFactory(title="Vice Minister", ministry="Foreign Ministry")
    assert rejected(lambda: models.Office.objects.create(title=office.title, country=office.country,
                                                         ministry="Foreign Ministry"),
                    "office_unique_title_per_country_ministry")


def test_one_title_in_two_ministries_of_a_country_is_two_offices():
    # Popolo's and OCD's posts are within an organisation: two ministries' vice-ministers hold two posts.
    factories.OfficeFactory(title="Vice Minister", ministry="Foreign Ministry")
    factories.OfficeFactory(title="Vice Minister", ministry="Defense Ministry")
    assert models.Office.objects.filter(title="Vice Minister", country__code="JP").count() == 2


def test_an_office_travels_by_natural_key_with_its_ministry():
    factories.OfficeFactory(title="Vice Minister", ministry="Foreign Ministry")
    defence = factories.OfficeFactory(title="Vice Minister", ministry="Defense Ministry")
    assert models.Office.objects.get_by_natural_key(*defence.natural_key()) == defence


def test_same_office_title_in_two_countries():
    factories.OfficeFactory(country=factories.country("JP"))
    factories.OfficeFactory(country=factories.country("IN"))
    assert models.Office.objects.filter(title="Prime Minister").count() == 2


def test_an_office_without_a_country_is_unique_by_title_and_ministry():
    models.Office.objects.create(title="Managing Director", country=None)
    assert rejected(lambda: models.Office.objects.create(title="Managing Director", country=None),
                    "office_unique_title_per_ministry_without_country")


def test_an_office_without_a_country_travels_by_natural_key():
    office = models.Office.objects.create(title="Secretary-General", country=None)
    assert models.Office.objects.get_by_natural_key(*office.natural_key()) == office


def test_article_hash_is_unique():
    article = factories.ArticleFactory()
    assert rejected(lambda: factories.ArticleFactory(content_hash=article.content_hash), "content_hash")


def test_tenure_start_is_unique_per_person_and_office():
    tenure = factories.TenureFactory()
    assert rejected(lambda: factories.TenureFactory(person=tenure.person, office=tenure.office), "tenure_unique_start")


def test_undated_tenure_is_unique_per_person_and_office():
    tenure = factories.TenureFactory(start_date=None, start_precision="")
    assert rejected(lambda: factories.TenureFactory(person=tenure.person, office=tenure.office,
                                                     start_date=None, start_precision=""),
                    "tenure_unique_undated")


def test_participant_person_once_per_meeting():
    participant = factories.ParticipantFactory()
    assert rejected(lambda: factories.ParticipantFactory(meeting=participant.meeting, person=participant.person,
                                                         raw_name="another spelling"),
                    "participant_once_per_meeting")


def test_unresolved_participants_are_told_apart_by_raw_name():
    meeting = factories.MeetingFactory()
    factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Prime Minister")
    factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Foreign Minister")
    assert rejected(lambda: factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Prime Minister"),
                    "participant_raw_name_once_per_meeting")


def test_agreement_at_a_meeting_once():
    link = factories.AgreementMeetingFactory()
    assert rejected(lambda: factories.AgreementMeetingFactory(agreement=link.agreement, meeting=link.meeting),
                    "agreement_meeting_once")


@pytest.mark.parametrize(("factory", "constraint"), [
    (factories.PersonSourceFactory, "person_source_once"),
    (factories.TenureSourceFactory, "tenure_source_once"),
    (factories.MeetingSourceFactory, "meeting_source_once"),
    (factories.AgreementSourceFactory, "agreement_source_once"),
])
def test_a_record_cites_an_article_once(factory, constraint):
    source = factory()
    assert rejected(lambda: factory(record=source.record, article=source.article), constraint)


def test_uid_is_unique():
    person = factories.PersonFactory()
    assert rejected(lambda: factories.PersonFactory(uid=person.uid), "uid")


# Dates ----------------------------------------------------------------------------------------

def test_tenure_cannot_end_before_it_starts():
    assert rejected(lambda: factories.TenureFactory(start_date=JUNE_1, end_date=MAY_31, end_precision=DAY),
                    "tenure_ends_after_start")


def test_tenure_may_end_the_day_it_starts():
    assert factories.TenureFactory(start_date=JUNE_1, end_date=JUNE_1, end_precision=DAY).pk


def test_meeting_cannot_end_before_it_starts():
    assert rejected(lambda: factories.MeetingFactory(date=JUNE_1, end_date=MAY_31), "meeting_ends_after_start")


def test_agreement_cannot_enter_into_force_before_signing():
    assert rejected(lambda: factories.AgreementFactory(signed_date=JUNE_1, signed_precision=DAY,
                                                       in_force_date=MAY_31, in_force_precision=DAY),
                    "agreement_in_force_after_signing")


# A date after every other date the factories set, so that only the precision rule can fail.
LATER = datetime.date(2025, 6, 1)
PRECISION_CASES = [
    (factories.MeetingFactory, "date", "date_precision", "meeting_date_precision_valid"),
    (factories.TenureFactory, "start_date", "start_precision", "tenure_start_precision_valid"),
    (factories.TenureFactory, "end_date", "end_precision", "tenure_end_precision_valid"),
    (factories.AgreementFactory, "signed_date", "signed_precision", "agreement_signed_precision_valid"),
    (factories.AgreementFactory, "in_force_date", "in_force_precision", "agreement_in_force_precision_valid"),
]


@pytest.mark.parametrize(("factory", "date_field", "precision_field", "constraint"), PRECISION_CASES)
def test_precision_must_be_day_month_or_year(factory, date_field, precision_field, constraint):
    assert rejected(lambda: factory(**{date_field: LATER, precision_field: "week"}), constraint)


@pytest.mark.parametrize(("factory", "date_field", "precision_field", "constraint"), PRECISION_CASES)
def test_date_needs_a_precision(factory, date_field, precision_field, constraint):
    assert rejected(lambda: factory(**{date_field: LATER, precision_field: ""}), constraint)


@pytest.mark.parametrize(("factory", "date_field", "precision_field", "constraint"), PRECISION_CASES)
def test_precision_needs_a_date(factory, date_field, precision_field, constraint):
    assert rejected(lambda: factory(**{date_field: None, precision_field: DAY}), constraint)


@pytest.mark.parametrize(("factory", "date_field", "precision_field", "constraint"), PRECISION_CASES)
def test_no_date_and_no_precision_is_allowed(factory, date_field, precision_field, constraint):
    del constraint  # Not broken here.
    assert factory(**{date_field: None, precision_field: ""}).pk


# Countries ----------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["jp", "J", "J1", "1P", ""])
def test_country_code_is_two_capital_letters(code):
    assert rejected(lambda: models.Country.objects.create(code=code, name="Nowhere"), "country_code_two_capitals")


def test_country_code_is_unique():
    assert rejected(lambda: models.Country.objects.create(code="JP", name="Japan again"), "code")


# Natural keys ----------------------------------------------------------------------------------

NATURAL_KEY_MAKERS = {
    "country": lambda: factories.country("JP"),
    "person": factories.PersonFactory,
    "alias": factories.PersonAliasFactory,
    "office": factories.OfficeFactory,
    "tenure": factories.TenureFactory,
    "meeting": factories.MeetingFactory,
    "participant": factories.ParticipantFactory,
    "unresolved participant": lambda: factories.ParticipantFactory(person=None, raw_name="the Indian side"),
    "agreement": factories.AgreementFactory,
    "agreement at meeting": factories.AgreementMeetingFactory,
    "article": factories.ArticleFactory,
    "person source": factories.PersonSourceFactory,
    "tenure source": factories.TenureSourceFactory,
    "meeting source": factories.MeetingSourceFactory,
    "agreement source": factories.AgreementSourceFactory,
}


@pytest.mark.parametrize("make", NATURAL_KEY_MAKERS.values(), ids=NATURAL_KEY_MAKERS.keys())
def test_natural_key_round_trip(make):
    obj = make()
    assert type(obj)._default_manager.get_by_natural_key(*obj.natural_key()) == obj


def test_every_model_has_a_natural_key():
    from events.dataset import dataset_models

    missing = [model.__name__ for model in dataset_models()
               if not hasattr(model, "natural_key") or not hasattr(model._default_manager, "get_by_natural_key")]
    assert missing == []


# __str__ ----------------------------------------------------------------------------------------

def test_str_country():
    assert str(factories.country("JP")) == "Japan (JP)"


def test_str_person_and_alias():
    alias = factories.PersonAliasFactory(person__name="Narendra Modi", name="PM Modi")
    assert (str(alias.person), str(alias)) == ("Narendra Modi", "PM Modi")


def test_str_office():
    assert str(factories.OfficeFactory()) == "Prime Minister (JP)"


def test_str_tenure():
    tenure = factories.TenureFactory(person__name="Shigeru Ishiba", end_date=None)
    assert str(tenure) == "Shigeru Ishiba as Prime Minister (JP) (2024-10-01 to now)"


@pytest.mark.parametrize(("precision", "expected"), [("day", "Talks (2024-06-01)"), ("month", "Talks (2024-06)"),
                                                      ("year", "Talks (2024)")])
def test_str_meeting_shows_the_date_to_its_precision(precision, expected):
    assert str(factories.MeetingFactory(title="Talks", date=JUNE_1, date_precision=precision)) == expected


def test_str_undated_untitled_meeting():
    assert str(factories.MeetingFactory(title="", date=None, date_precision="")) == "Meeting (undated)"


def test_str_participant_resolved_and_not():
    meeting = factories.MeetingFactory(title="Talks", date=JUNE_1)
    resolved = factories.ParticipantFactory(meeting=meeting, person__name="Narendra Modi")
    unresolved = factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Japanese side")
    assert (str(resolved), str(unresolved)) == ("Narendra Modi at Talks (2024-06-01)",
                                                "the Japanese side at Talks (2024-06-01)")


def test_str_agreement_and_its_meeting():
    link = factories.AgreementMeetingFactory(agreement__name="Quad Vaccine Initiative", meeting__title="Talks",
                                             meeting__date=JUNE_1, role=models.AgreementMeeting.Role.SIGNED)
    assert (str(link.agreement), str(link)) == ("Quad Vaccine Initiative",
                                                "Quad Vaccine Initiative signed at Talks (2024-06-01)")


def test_str_article_prefers_title():
    assert (str(factories.ArticleFactory(title="Modi in Tokyo")), str(factories.ArticleFactory(title="",
            file_name="x.txt"))) == ("Modi in Tokyo", "x.txt")


def test_str_source():
    source = factories.MeetingSourceFactory(article__title="Modi in Tokyo", evidence="They met.")
    assert str(source) == "Modi in Tokyo: They met."


# Curation helpers on the model ----------------------------------------------------------------

def test_verified_record_is_locked_whole():
    person = factories.PersonFactory(review_state=models.ReviewState.VERIFIED)
    assert person.is_locked("notes")


def test_lock_adds_fields_once():
    person = factories.PersonFactory(locked_fields=["name"])
    person.lock("country", "name")
    assert (person.locked_fields, person.is_locked("notes")) == (["country", "name"], False)
