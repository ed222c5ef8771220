"""Filters of /api/countries/, /api/offices/ and /api/articles/."""
import datetime

import pytest

from tests.factories import ArticleFactory, OfficeFactory, country

pytestmark = pytest.mark.django_db


def test_country_search_finds_other_names(api_client):
    body = api_client.get("/api/countries/?search=Republic+of+Korea").json()
    assert "KR" in [c["code"] for c in body["results"]]


def test_office_country_and_kind(api_client):
    wanted = OfficeFactory(title="Minister of External Affairs", country=country("IN"), kind="foreign_minister")
    OfficeFactory(title="Foreign Minister", kind="foreign_minister")
    body = api_client.get("/api/offices/?country=IN&kind=foreign_minister").json()
    assert [o["id"] for o in body["results"]] == [wanted.pk]


def test_articles_published_after(api_client):
    recent = ArticleFactory(published=datetime.date(2024, 9, 1))
    ArticleFactory(published=datetime.date(2023, 9, 1))
    body = api_client.get("/api/articles/?published_after=2024-01-01").json()
    assert [a["id"] for a in body["results"]] == [recent.pk]
