"""Untrusted article text is escaped wherever it is shown: an article carrying `<script>` and `<img onerror>` in its
title and in the sentences that become evidence is ingested through the pipeline, then its records' pages are
rendered in the admin and the browsable API, as a curator and as an anonymous reader.

The pages have scripts of their own, so the check is for the article's markup: never as written, always escaped.
"""
import pytest

from events.extraction.pipeline import ingest_document
from events.extraction.sources.documents import Document
from events.models import Article, Meeting, Person

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('s')</script>"
IMAGE = "<img src=x onerror=\"alert('i')\">"
TEXT = (f"Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on March 5, 2024 {SCRIPT} "
        f"and discussed maritime security {IMAGE}.\n"
        f"Officials said the ministers would meet again {IMAGE} in Canberra. {SCRIPT}\n")


@pytest.fixture
def ingested(ingest_context):
    result = ingest_document(Document("markup.txt", TEXT, title=f"Talks {SCRIPT} {IMAGE}"), context=ingest_context)
    assert result.status == "new", result.reason
    return Article.objects.get(), Meeting.objects.get(), Person.objects.get(name="Penny Wong")


def assert_escaped(page: str, shown: bool = True) -> None:
    for markup in (SCRIPT, IMAGE, "<script>alert(", "<img src=x onerror"):
        assert markup not in page
    assert not shown or "&lt;script&gt;" in page


def pages(article, meeting, person) -> list[str]:
    return [f"/api/articles/{article.pk}/", f"/api/meetings/{meeting.pk}/", f"/api/persons/{person.pk}/",
            "/api/articles/", "/api/meetings/"]


def test_the_article_text_reaches_the_records_as_written(ingested):
    article, meeting, _ = ingested
    assert SCRIPT in article.text and SCRIPT in article.title
    assert any(SCRIPT in source.evidence for source in meeting.sources.all())


@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_the_browsable_api_escapes_it(client, admin_user, ingested, who):
    if who == "curator":
        client.force_login(admin_user)
    for url in pages(*ingested):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html"), url
        assert_escaped(response.content.decode())


def test_the_admin_escapes_it(admin_client, ingested):
    article, meeting, person = ingested
    for url in (f"/admin/events/article/{article.pk}/change/", f"/admin/events/meeting/{meeting.pk}/change/",
                f"/admin/events/person/{person.pk}/change/", "/admin/events/article/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode())
    # The list of meetings shows no article text: none of it unescaped either.
    assert_escaped(admin_client.get("/admin/events/meeting/").content.decode(), shown=False)


def test_the_json_api_gives_it_as_data(api_client, ingested):
    article, _, _ = ingested
    body = api_client.get(f"/api/articles/{article.pk}/").json()
    assert SCRIPT in body["text"] and body["title"] == f"Talks {SCRIPT} {IMAGE}"
