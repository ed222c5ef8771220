"""Deleting is safe for curated data: an article that is a record's evidence, a person who holds a tenure or took part
in a meeting, and a country anything refers to (an agreement's parties included) are not deleted, in the admin or the
API, and the refusal says what holds on to them; merging is the way to remove a duplicate person."""
from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Agreement, Article, Country, Meeting, MeetingSource, Participant, Person, Tenure
from tests import factories

pytestmark = pytest.mark.django_db

REFUSED = "would require deleting the following protected related objects"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def delete_url(obj) -> str:
    return reverse(f"admin:events_{obj._meta.model_name}_delete", args=[obj.pk])


def admin_delete(client, obj) -> str:
    """Confirms the delete as a curator would, and returns the page the admin answers with."""
    response = client.post(delete_url(obj), {"post": "yes"}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def a_held_person() -> Person:
    tenure = factories.TenureFactory(person__name="Shigeru Ishiba")
    factories.ParticipantFactory(person=tenure.person, meeting__title="Ishiba-Albanese talks")
    return tenure.person


# --- articles -----------------------------------------------------------------------------------------------------

def test_the_admin_refuses_to_delete_an_article_that_is_a_records_evidence_and_names_the_record(admin_client):
    source = factories.MeetingSourceFactory(record__title="Modi-Kishida summit")
    page = admin_delete(admin_client, source.article)
    assert REFUSED in page
    assert "meetings whose evidence it is: Modi-Kishida summit" in page
    assert Article.objects.filter(pk=source.article.pk).exists()
    assert MeetingSource.objects.filter(record=source.record).exists()


def test_the_admin_deletes_an_article_that_supports_no_record(admin_client):
    article = factories.ArticleFactory()
    page = admin_delete(admin_client, article)
    assert REFUSED not in page and not Article.objects.exists()


def test_the_articles_api_deletes_nothing(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    article = factories.MeetingSourceFactory().article
    assert api_client.delete(f"/api/articles/{article.pk}/").status_code == 405
    assert Article.objects.filter(pk=article.pk).exists()


# --- persons ------------------------------------------------------------------------------------------------------

def test_the_admin_refuses_to_delete_a_person_in_use_and_points_to_merging(admin_client):
    person = a_held_person()
    page = admin_delete(admin_client, person)
    assert REFUSED in page
    assert "tenures: Shigeru Ishiba" in page and "meeting participations: Shigeru Ishiba" in page
    assert "merge it into the person it duplicates" in page
    assert Tenure.objects.filter(person=person).exists() and Participant.objects.filter(person=person).exists()


def test_the_admins_delete_selected_action_refuses_a_person_in_use_too(admin_client):
    person, unused = a_held_person(), factories.PersonFactory()
    response = admin_client.post(reverse("admin:events_person_changelist"),
                                 {"action": "delete_selected", "_selected_action": [person.pk, unused.pk],
                                  "post": "yes"}, follow=True)
    assert REFUSED in response.content.decode()
    assert Person.objects.filter(pk__in=[person.pk, unused.pk]).count() == 2


def test_the_admin_deletes_a_person_nothing_refers_to(admin_client):
    person = factories.PersonAliasFactory().person
    page = admin_delete(admin_client, person)
    assert REFUSED not in page and not Person.objects.filter(pk=person.pk).exists()


def test_the_api_refuses_to_delete_a_person_in_use_with_409_and_the_reason(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    person = a_held_person()
    response = api_client.delete(f"/api/persons/{person.pk}/")
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete person \u201cShigeru Ishiba\u201d, still referred to by tenures: 1; "
                             "meeting participations: 1.")
    assert "merge it into the person it duplicates" in detail
    assert Person.objects.filter(pk=person.pk).exists() and Participant.objects.get().person == person


def test_the_api_deletes_a_person_nothing_refers_to(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    person = factories.PersonAliasFactory().person
    assert api_client.delete(f"/api/persons/{person.pk}/").status_code == 204
    assert not Person.objects.filter(pk=person.pk).exists()


def test_merging_still_removes_a_duplicate_person_in_use(admin_client):
    """The refusal is the admin's and the API's: a merge deletes the duplicate after moving what it held."""
    from events.merging import merge_persons

    duplicate, survivor = a_held_person(), factories.PersonFactory(name="Ishiba Shigeru")
    merge_persons(survivor=survivor, losers=[duplicate])
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert Tenure.objects.get().person == survivor and Participant.objects.get().person == survivor


# --- countries ----------------------------------------------------------------------------------------------------

def test_the_admin_refuses_to_delete_a_country_that_is_an_agreements_party(admin_client):
    agreement = factories.AgreementFactory(name="Fiji-Tonga Fisheries Accord", parties=["FJ", "TO"],
                                           review_state="verified", locked_fields=["parties"])
    fiji = Country.objects.get(code="FJ")
    page = admin_delete(admin_client, fiji)
    assert REFUSED in page and "agreements it is a party to: Fiji-Tonga Fisheries Accord" in page
    assert sorted(Agreement.objects.get(pk=agreement.pk).parties.values_list("code", flat=True)) == ["FJ", "TO"]


def test_the_admin_refuses_to_delete_a_country_named_only_in_a_participation(admin_client):
    participant = factories.ParticipantFactory(person=None, raw_name="a Tongan envoy",
                                               country=Country.objects.get(code="TO"))
    page = admin_delete(admin_client, participant.country)
    assert REFUSED in page and "meeting participations: a Tongan envoy" in page
    assert Participant.objects.get().country.code == "TO"


def test_the_admin_deletes_a_country_nothing_refers_to(admin_client):
    page = admin_delete(admin_client, Country.objects.get(code="TV"))
    assert REFUSED not in page and not Country.objects.filter(code="TV").exists()


def test_the_countries_api_deletes_nothing(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    assert api_client.delete("/api/countries/FJ/").status_code == 405
    assert Meeting.objects.count() == 0 and Country.objects.filter(code="FJ").exists()
