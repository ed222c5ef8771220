"""The admin as a curator uses it: every page opens, list pages cost the same at any length, edits lock."""
from __future__ import annotations

import itertools
import string
import uuid

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token, TokenProxy

from events import models
from tests import factories

pytestmark = pytest.mark.django_db

EVENTS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "events"]
_numbers = itertools.count()
# Written by an action or an ingest, never added by hand.
WRITTEN_BY_ACTIONS = {models.Merge, models.DismissedPair, models.Article}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # admin_client's user gets a password; the production hasher would spend half a second on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def url(model, view: str, *args) -> str:
    return reverse(f"admin:events_{model._meta.model_name}_{view}", args=args)


def person_with_aliases() -> models.Person:
    person = factories.PersonFactory()
    factories.PersonAliasFactory(person=person, name=f"Alias A{next(_numbers)}")
    factories.PersonAliasFactory(person=person, name=f"Alias B{next(_numbers)}")
    return person


def meeting_with_participants() -> models.Meeting:
    meeting = factories.MeetingFactory()
    factories.ParticipantFactory(meeting=meeting, office=factories.OfficeFactory())
    factories.ParticipantFactory(meeting=meeting, person=None, raw_name="the Indian side")
    return meeting


# One row of each model, with everything its list page shows filled in.
ROW_MAKERS = {
    models.Person: person_with_aliases,
    models.PersonAlias: lambda: factories.PersonAliasFactory(name=f"Alias {next(_numbers)}"),
    models.Office: lambda: factories.OfficeFactory(title=f"Minister of Affairs {next(_numbers)}",
                                                   country=factories.country("IN")),
    models.Tenure: factories.TenureFactory,
    models.Meeting: meeting_with_participants,
    models.Participant: lambda: factories.ParticipantFactory(office=factories.OfficeFactory()),
    models.Agreement: factories.AgreementFactory,
    models.AgreementMeeting: factories.AgreementMeetingFactory,
    models.Article: factories.ArticleFactory,
    models.PersonSource: factories.PersonSourceFactory,
    models.TenureSource: factories.TenureSourceFactory,
    models.MeetingSource: factories.MeetingSourceFactory,
    models.AgreementSource: factories.AgreementSourceFactory,
    models.Merge: lambda: models.Merge.objects.create(kind="person", old_id=next(_numbers), old_uid=uuid.uuid4(),
                                                      old_label="Shigeru Ishba", survivor_uid=uuid.uuid4()),
    models.DismissedPair: lambda: models.DismissedPair.objects.create(
        kind="person", first_uid=uuid.UUID(int=2 * next(_numbers)), second_uid=uuid.UUID(int=2 * next(_numbers) + 1)),
}


def test_every_events_model_is_registered():
    from django.apps import apps

    # A model's history (django-simple-history) is shown on its record's history page, not as a table.
    curated = {model for model in apps.get_app_config("events").get_models() if not model.__name__.startswith("Historical")}
    assert set(EVENTS_MODELS) == curated


@pytest.mark.parametrize("model", EVENTS_MODELS, ids=lambda model: model.__name__)
def test_changelist_opens(admin_client, model):
    if model in ROW_MAKERS:
        ROW_MAKERS[model]()
    assert admin_client.get(url(model, "changelist")).status_code == 200


@pytest.mark.parametrize("model", EVENTS_MODELS, ids=lambda model: model.__name__)
def test_add_page_opens(admin_client, model):
    assert admin_client.get(url(model, "add")).status_code == (403 if model in WRITTEN_BY_ACTIONS else 200)


@pytest.mark.parametrize("model", EVENTS_MODELS, ids=lambda model: model.__name__)
def test_change_page_opens(admin_client, model):
    obj = ROW_MAKERS[model]() if model in ROW_MAKERS else factories.country("JP")
    assert admin_client.get(url(model, "change", obj.pk)).status_code == 200


def free_country_code() -> str:
    taken = set(models.Country.objects.values_list("code", flat=True))
    return next(code for code in map("".join, itertools.product(string.ascii_uppercase, repeat=2)) if code not in taken)


def user_with_token() -> Token:
    return Token.objects.create(user=factories.UserFactory())


# The models registered by other apps, and Country (whose list the data migration fills), for the query count.
OTHER_ROW_MAKERS = {
    models.Country: lambda: models.Country.objects.create(code=free_country_code(), name=f"Land {next(_numbers)}",
                                                          aliases=["Other Land"], demonyms=["Lander"]),
    User: factories.UserFactory,
    Group: lambda: Group.objects.create(name=f"curators {next(_numbers)}"),
    TokenProxy: user_with_token,
}
ALL_ROW_MAKERS = {**ROW_MAKERS, **OTHER_ROW_MAKERS}


def test_every_registered_model_has_a_row_maker():
    # A model registered later without one would escape the query count below.
    assert set(admin.site._registry) == set(ALL_ROW_MAKERS)


def url_of(model, view: str) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")


def changelist_queries(client, model) -> tuple[int, int]:
    """(queries, rows shown) for one request of the model's list page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url_of(model, "changelist"))
    assert response.status_code == 200
    return len(queries), len(response.context["cl"].result_list)


@pytest.mark.parametrize("model", list(ALL_ROW_MAKERS), ids=lambda model: model.__name__)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    if model is models.Country:
        models.Country.objects.all().delete()  # from 1 row to 50 within one page, not 250 already there
    ALL_ROW_MAKERS[model]()
    admin_client.get(url_of(model, "changelist"))  # Warm the session and the content type cache.
    one_row = changelist_queries(admin_client, model)
    for _ in range(49):
        ALL_ROW_MAKERS[model]()
    fifty_rows = changelist_queries(admin_client, model)
    # The user list also shows admin_client's own user.
    assert fifty_rows[1] - one_row[1] == 49 and fifty_rows[1] >= 50
    assert fifty_rows[0] == one_row[0]


def test_person_search_finds_an_alias(admin_client):
    person = factories.PersonFactory(name="Narendra Modi")
    factories.PersonAliasFactory(person=person, name="PM Modi")
    factories.PersonAliasFactory(person=person, name="Modi ji")
    factories.PersonFactory(name="Fumio Kishida")
    response = admin_client.get(url(models.Person, "changelist"), {"q": "pm modi"})
    assert list(response.context["cl"].result_list) == [person]


def test_country_search_finds_a_demonym(admin_client):
    response = admin_client.get(url(models.Country, "changelist"), {"q": "Japanese"})
    assert [country.code for country in response.context["cl"].result_list] == ["JP"]


def test_autocomplete_finds_a_person_by_alias(admin_client):
    person = factories.PersonFactory(name="Subrahmanyam Jaishankar")
    factories.PersonAliasFactory(person=person, name="S. Jaishankar")
    response = admin_client.get(reverse("admin:autocomplete"), {
        "app_label": "events", "model_name": "participant", "field_name": "person", "term": "S. Jai",
    })
    assert [result["id"] for result in response.json()["results"]] == [str(person.pk)]


# Saving through the admin ---------------------------------------------------------------------

def change_form_data(response) -> dict:
    """The POST data of a change page as it was served: the form and its inlines, unchanged."""
    data = {}
    page_forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        page_forms.extend(inline.formset.forms)
    for form in page_forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field, forms.BooleanField):
                if value:
                    data[form.add_prefix(name)] = "on"
            elif value is not None:
                data[form.add_prefix(name)] = value
            if field.show_hidden_initial:  # The value the page showed, sent back as a browser does ("" for none).
                data[form.add_initial_prefix(name)] = "" if value is None else value
    return data


def save_change(client, obj, **changes) -> None:
    change_url = url(type(obj), "change", obj.pk)
    data = change_form_data(client.get(change_url)) | changes
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    obj.refresh_from_db()


def test_saving_a_changed_field_locks_it(admin_client):
    person = factories.PersonFactory(name="Shigeru Ishba")
    save_change(admin_client, person, name="Shigeru Ishiba")
    assert (person.name, person.locked_fields) == ("Shigeru Ishiba", ["name"])


def test_saving_without_changes_locks_nothing(admin_client):
    person = person_with_aliases()
    factories.TenureFactory(person=person)
    save_change(admin_client, person)
    assert person.locked_fields == []


def test_saving_adds_to_earlier_locks(admin_client):
    meeting = factories.MeetingFactory(locked_fields=["title"])
    save_change(admin_client, meeting, city="Tokyo", country=factories.country("JP").pk)
    assert meeting.locked_fields == ["city", "country", "title"]


def test_changing_the_parties_locks_them(admin_client):
    agreement = factories.AgreementFactory(parties=["IN", "JP"])
    save_change(admin_client, agreement, parties=[factories.country(code).pk for code in ("IN", "JP", "AU")])
    assert (agreement.parties.count(), agreement.locked_fields) == (3, ["parties"])


def test_editing_an_inline_tenure_locks_the_tenure_fields(admin_client):
    tenure = factories.TenureFactory(end_date=None, end_precision="")
    save_change(admin_client, tenure.person, **{"tenures-0-end_date": "2025-10-21", "tenures-0-end_precision": "day"})
    tenure.refresh_from_db()
    assert (tenure.locked_fields, tenure.person.locked_fields) == (["end_date", "end_precision"], [])


@pytest.mark.parametrize(("action", "state"), [("mark_verified", models.ReviewState.VERIFIED),
                                               ("mark_rejected", models.ReviewState.REJECTED)])
def test_review_actions(admin_client, action, state):
    meetings = factories.MeetingFactory.create_batch(2)
    admin_client.post(url(models.Meeting, "changelist"),
                      {"action": action, "_selected_action": [meeting.pk for meeting in meetings]})
    assert set(models.Meeting.objects.values_list("review_state", flat=True)) == {state}
