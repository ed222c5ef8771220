"""The whole pipeline against the database: the bundled sample articles, idempotency, merging, curators' locks.

Each test ingests the five samples at most once; invented articles about other countries are written to tmp_path.
"""
import datetime
import io
import pathlib

import pytest
from django.core.management import call_command

from events.extraction.pipeline import ingest_document
from events.extraction.sources.documents import Document
from events.models import (
    Agreement,
    AgreementSource,
    Article,
    Meeting,
    MeetingSource,
    Office,
    Participant,
    Person,
    PersonAlias,
    PersonSource,
    Tenure,
    TenureSource,
)

pytestmark = pytest.mark.django_db

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "articles"
TABLES = [Article, Person, PersonAlias, PersonSource, Office, Tenure, TenureSource, Meeting, Participant, MeetingSource,
          Agreement, AgreementSource]

WONG_MARSUDI = ("Jakarta | Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on Tuesday "
                "and discussed maritime security and student exchanges.\n")
WONG_MARSUDI_AGAIN = ("Australian Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi "
                      "in Jakarta on March 5, 2024, officials said. The two ministers discussed regional security.\n")
WONG_MARSUDI_SURABAYA = ("Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Surabaya on "
                         "March 5, 2024 to discuss fisheries.\n")


def ingest(*paths, published=None, dry_run=False):
    out = io.StringIO()
    args = [str(p) for p in paths] + ([f"--published={published}"] if published else []) + (["--dry-run"] if dry_run else [])
    call_command("ingest_articles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts():
    return {model.__name__: model.objects.count() for model in TABLES}


def person(name):
    return Person.objects.get(name=name)


def meetings_between(*names):
    found = Meeting.objects.all()
    for name in names:
        found = found.filter(participants__person__name=name)
    return list(found.distinct())


# ----------------------------------------------------------------------------- the bundled samples

def test_modi_and_takaichi_met_at_the_g20_in_johannesburg():
    ingest(SAMPLES)
    [meeting] = [m for m in meetings_between("Narendra Modi", "Sanae Takaichi") if m.date == datetime.date(2025, 11, 23)]
    assert meeting.date_precision == "day"
    assert (meeting.city, meeting.country.code) == ("Johannesburg", "ZA")
    assert meeting.kind == Meeting.Kind.SUMMIT_SIDELINES
    assert "G20" in meeting.occasion
    assert meeting.status == Meeting.Status.HELD
    # The phone call of October 29 in the same article is another meeting, not merged into this one.
    [call] = [m for m in meetings_between("Narendra Modi", "Sanae Takaichi") if m.kind == Meeting.Kind.PHONE_CALL]
    assert (call.date, call.date_precision) == (datetime.date(2025, 10, 29), "day")


def test_sample_records_people_and_agreements():
    ingest(SAMPLES)
    nakatani = person("Gen Nakatani")
    assert nakatani.country.code == "JP"
    assert "Defence Minister" in set(nakatani.tenures.values_list("office__title", flat=True))
    assert not Person.objects.filter(name__iexact="Nakatani").exists()

    [kamikawa] = Person.objects.filter(name__icontains="Kamikawa")
    assert kamikawa.country.code == "JP"
    assert "Kamikawa Yoko" in set(kamikawa.aliases.values_list("name", flat=True))

    agreement = Agreement.objects.get(name__icontains="supply and services")
    assert agreement.status == Agreement.Status.PROPOSED
    assert agreement.name.lower().startswith("reciprocal")


@pytest.mark.xfail(strict=True, reason=(
    "a meeting needs two named participants now, so the 2+2 that one article dates but names nobody at is not "
    "saved, and the other article's participants have no dated record to join: the event needs its own record"))
def test_the_2_plus_2_of_august_2024_is_one_meeting_with_two_sources():
    ingest(SAMPLES)
    [meeting] = Meeting.objects.filter(occasion__contains="2+2")
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 8, 20), "day")
    files = sorted(pathlib.Path(s.article.file_name).name[:4] for s in MeetingSource.objects.filter(record=meeting))
    assert files == ["002_", "003_"]


def test_every_record_created_has_a_source_with_evidence():
    ingest(SAMPLES)
    for model, source in ((Meeting, MeetingSource), (Person, PersonSource), (Agreement, AgreementSource)):
        records = model.objects.all()
        assert records.exists()
        for record in records:
            evidence = [s.evidence for s in source.objects.filter(record=record)]
            assert any(e.strip() for e in evidence), f"{model.__name__} {record} has no evidence"


def test_ingesting_the_samples_twice_changes_nothing():
    ingest(SAMPLES)
    before = counts()
    assert before["Article"] == 5
    report = ingest(SAMPLES)
    assert counts() == before
    assert "unchanged:   5" in report
    assert "new:         0" in report


def test_dry_run_writes_nothing():
    report = ingest(SAMPLES, dry_run=True)
    assert "new:         5" in report
    assert counts() == dict.fromkeys(counts(), 0)


# ----------------------------------------------------------------------------- invented articles

def test_a_known_meeting_in_a_second_article_adds_a_source_not_a_meeting(tmp_path):
    ingest(write(tmp_path, "a.txt", WONG_MARSUDI), published="2024-03-08")
    [meeting] = Meeting.objects.all()
    assert (meeting.date, meeting.city, meeting.country.code) == (datetime.date(2024, 3, 5), "Jakarta", "ID")
    people = Person.objects.count()

    ingest(write(tmp_path, "b.txt", WONG_MARSUDI_AGAIN), published="2024-03-09")
    assert list(Meeting.objects.all()) == [meeting]
    assert MeetingSource.objects.filter(record=meeting).count() == 2
    assert Article.objects.count() == 2
    assert Person.objects.count() == people
    marsudi = person("Retno Marsudi")
    assert marsudi.country.code == "ID"
    assert PersonSource.objects.filter(record=marsudi).count() == 2


def test_a_curators_locked_field_survives_a_new_article(tmp_path):
    ingest(write(tmp_path, "a.txt", WONG_MARSUDI), published="2024-03-08")
    meeting = Meeting.objects.get()
    meeting.city = ""  # the curator clears a city they found wrong, and locks it
    meeting.lock("city")
    meeting.save()

    ingest(write(tmp_path, "c.txt", WONG_MARSUDI_SURABAYA), published="2024-03-09")
    meeting.refresh_from_db()
    assert Meeting.objects.count() == 1
    assert MeetingSource.objects.filter(record=meeting).count() == 2
    assert meeting.city == ""


def test_an_unlocked_empty_city_is_filled_by_a_new_article(tmp_path):
    """The counterpart of the lock test: without the lock, the same ingest does write the city."""
    ingest(write(tmp_path, "a.txt", WONG_MARSUDI), published="2024-03-08")
    Meeting.objects.update(city="")
    ingest(write(tmp_path, "c.txt", WONG_MARSUDI_SURABAYA), published="2024-03-09")
    assert Meeting.objects.get().city == "Surabaya"


def test_a_verified_meeting_keeps_the_curators_date(tmp_path):
    ingest(write(tmp_path, "a.txt", WONG_MARSUDI), published="2024-03-08")
    meeting = Meeting.objects.get()
    meeting.date, meeting.date_precision = datetime.date(2024, 3, 1), "month"
    meeting.review_state = "verified"
    meeting.save()

    ingest(write(tmp_path, "b.txt", WONG_MARSUDI_AGAIN), published="2024-03-09")
    meeting.refresh_from_db()
    assert Meeting.objects.count() == 1
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 3, 1), "month")


def test_dry_run_of_an_invented_article_writes_nothing(tmp_path):
    ingest(write(tmp_path, "a.txt", WONG_MARSUDI), published="2024-03-08", dry_run=True)
    assert counts() == dict.fromkeys(counts(), 0)


def test_ingest_document_with_nothing_to_extract_still_records_the_article(ingest_context):
    document = Document(file_name="weather.txt", text="Heavy rain fell across the south coast on Sunday, forecasters said.\n",
                        published=datetime.date(2024, 3, 10))
    result = ingest_document(document, context=ingest_context)
    assert result.status == "new"
    article = Article.objects.get()
    assert (article.file_name, article.published) == ("weather.txt", datetime.date(2024, 3, 10))
    assert Person.objects.count() == Meeting.objects.count() == Agreement.objects.count() == 0
    assert ingest_document(document, context=ingest_context).status == "unchanged"
