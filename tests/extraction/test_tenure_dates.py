"""When a tenure was held: the days the articles show its holder in office, and its end once a later article shows
another holder of a one-holder office (events.extraction.store.tenures)."""
import datetime

import pytest

from events.extraction.context import IngestContext
from events.extraction.pipeline import ingest_document
from events.extraction.sources.documents import Document
from events.models import Office, Tenure

pytestmark = pytest.mark.django_db

MARCH_12 = datetime.date(2023, 3, 12)
NOVEMBER_20 = datetime.date(2024, 11, 20)

KISHIDA = Document(
    "kishida.txt",
    "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Tokyo on 12 March 2023.\n",
    published=datetime.date(2023, 3, 14),
)
ISHIBA = Document(
    "ishiba.txt",
    "Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi in Tokyo on 20 November 2024.\n",
    published=datetime.date(2024, 11, 21),
)


@pytest.fixture(scope="module")
def context():
    # The rules alone: what is tested here is what the store does with people, offices and dates.
    return IngestContext(model="")


def ingest(context, *documents: Document) -> list:
    results = [ingest_document(document, context=context) for document in documents]
    for result in results:
        assert result.status != "failed", result.reason
    return results


def tenure(name: str, title: str = "Prime Minister") -> Tenure:
    return Tenure.objects.get(person__name=name, office__title=title)


def seen(t: Tenure) -> tuple:
    return (t.seen_from, t.seen_from_precision, t.seen_until, t.seen_until_precision)


def held_on(day: datetime.date) -> set[str]:
    return set(Tenure.objects.held_on(day).values_list("person__name", flat=True))


def test_a_tenure_is_seen_on_the_days_of_the_meetings_its_holder_took_part_in(context):
    ingest(context, KISHIDA, ISHIBA)
    assert seen(tenure("Narendra Modi")) == (MARCH_12, "day", NOVEMBER_20, "day")
    assert seen(tenure("Fumio Kishida")) == (MARCH_12, "day", MARCH_12, "day")


def test_a_meeting_known_to_a_month_gives_a_sighting_of_that_month(context):
    ingest(context, Document("june.txt", "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida "
                                         "in Hiroshima in May 2023.\n", published=datetime.date(2023, 6, 2)))
    assert seen(tenure("Narendra Modi")) == (datetime.date(2023, 5, 1), "month", datetime.date(2023, 5, 1), "month")


def test_without_a_meeting_date_the_article_date_is_the_sighting(context):
    ingest(context, Document("call.txt", "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra "
                                         "Modi in Tokyo.\n", published=datetime.date(2023, 3, 14)))
    day = datetime.date(2023, 3, 14)
    assert seen(tenure("Fumio Kishida")) == (day, "day", day, "day")


def test_a_planned_meeting_is_no_sighting(context):
    ingest(context, Document("plan.txt", "Japanese Prime Minister Fumio Kishida will meet Indian Prime Minister "
                                         "Narendra Modi in Tokyo on 20 December 2023.\n",
                             published=datetime.date(2023, 11, 1)))
    # Seen when the article was written, not on the day of a meeting still to come.
    assert tenure("Fumio Kishida").seen_until == datetime.date(2023, 11, 1)


def test_a_later_article_with_another_prime_minister_ends_the_earlier_tenure(context):
    results = ingest(context, KISHIDA, ISHIBA)
    kishida = tenure("Fumio Kishida")
    assert (kishida.ended_by, kishida.ended_by_precision) == (NOVEMBER_20, "day")
    assert kishida.end_date is None  # when he left is not known: only that it was by then
    assert tenure("Shigeru Ishiba").ended_by is None
    assert tenure("Narendra Modi").ended_by is None  # India's office is another office
    assert results[1].counts["tenure.ended"] == 1
    # /api/persons/?held_office_on= reads the sightings: in office when seen, not beyond the last sighting.
    assert held_on(MARCH_12) == {"Fumio Kishida", "Narendra Modi"}
    assert held_on(datetime.date(2024, 1, 1)) == {"Narendra Modi"}
    assert held_on(NOVEMBER_20) == {"Shigeru Ishiba", "Narendra Modi"}


def test_the_earlier_article_arriving_second_ends_the_earlier_tenure_too(context):
    ingest(context, ISHIBA, KISHIDA)
    assert (tenure("Fumio Kishida").ended_by, tenure("Shigeru Ishiba").ended_by) == (NOVEMBER_20, None)


def test_the_tightest_end_is_kept(context):
    ingest(context, KISHIDA, ISHIBA, Document(
        "ishiba-earlier.txt", "Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi in "
                              "Vientiane on 10 October 2024.\n", published=datetime.date(2024, 10, 11)))
    assert tenure("Fumio Kishida").ended_by == datetime.date(2024, 10, 10)


def test_overlapping_sightings_end_nothing_and_are_reported(context):
    ingest(context, KISHIDA, Document(
        "kishida-later.txt", "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Delhi "
                             "on 20 March 2025.\n", published=datetime.date(2025, 3, 21)))
    [result] = ingest(context, ISHIBA)
    assert (tenure("Fumio Kishida").ended_by, tenure("Shigeru Ishiba").ended_by) == (None, None)
    assert result.counts["tenure.overlap"] == 1


def test_a_deputy_or_a_minister_of_another_portfolio_ends_nothing(context):
    ingest(context, Document(
        "aso.txt", "Japanese Deputy Prime Minister Taro Aso met Indian Commerce Minister Piyush Goyal in Tokyo on 12 "
                   "March 2023.\n", published=datetime.date(2023, 3, 14)))
    ingest(context, Document(
        "kato.txt", "Japanese Deputy Prime Minister Katsunobu Kato met Indian Commerce Minister Jitin Prasada in "
                    "Tokyo on 20 November 2024.\n", published=datetime.date(2024, 11, 22)))
    aso, goyal = Tenure.objects.get(person__name="Taro Aso"), Tenure.objects.get(person__name="Piyush Goyal")
    assert aso.office == Tenure.objects.get(person__name="Katsunobu Kato").office
    assert goyal.office == Tenure.objects.get(person__name="Jitin Prasada").office
    assert aso.office.kind not in Office.ONE_HOLDER_KINDS and goyal.office.kind not in Office.ONE_HOLDER_KINDS
    assert (aso.seen_until, goyal.seen_until) == (MARCH_12, MARCH_12)  # seen, and before the others
    assert (aso.ended_by, goyal.ended_by) == (None, None)


def test_an_undated_article_changes_no_dates(context):
    ingest(context, KISHIDA)
    before = Tenure.objects.get(person__name="Fumio Kishida").history.count()
    ingest(context, Document("undated.txt", "Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister "
                                            "Narendra Modi in Tokyo.\n"))
    assert seen(tenure("Shigeru Ishiba")) == (None, "", None, "")
    assert seen(tenure("Narendra Modi")) == (MARCH_12, "day", MARCH_12, "day")
    kishida = tenure("Fumio Kishida")
    assert (kishida.ended_by, kishida.history.count()) == (None, before)


def test_a_curators_locked_field_is_kept(context):
    ingest(context, KISHIDA)
    kishida = tenure("Fumio Kishida")
    kishida.seen_until, kishida.seen_until_precision = datetime.date(2023, 6, 1), "month"
    kishida.ended_by, kishida.ended_by_precision = datetime.date(2024, 10, 1), "month"
    kishida.lock("seen_until", "seen_until_precision", "ended_by", "ended_by_precision")
    kishida.save()
    ingest(context, ISHIBA, Document(
        "kishida-again.txt", "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Tokyo "
                             "on 5 September 2023.\n", published=datetime.date(2023, 9, 6)))
    kishida.refresh_from_db()
    assert kishida.seen_from == MARCH_12  # what the curator left unlocked is the ingest's
    assert (kishida.seen_until, kishida.seen_until_precision) == (datetime.date(2023, 6, 1), "month")
    assert (kishida.ended_by, kishida.ended_by_precision) == (datetime.date(2024, 10, 1), "month")


def test_a_verified_tenure_is_left_as_the_curator_has_it(context):
    ingest(context, KISHIDA)
    kishida = tenure("Fumio Kishida")
    kishida.review_state = "verified"
    kishida.save()
    ingest(context, ISHIBA)
    kishida.refresh_from_db()
    assert (seen(kishida), kishida.ended_by) == ((MARCH_12, "day", MARCH_12, "day"), None)


def test_ingesting_again_changes_nothing(context):
    ingest(context, KISHIDA, ISHIBA)
    assert tenure("Fumio Kishida").ended_by == NOVEMBER_20
    state = sorted((str(t), seen(t), t.ended_by, t.history.count()) for t in Tenure.objects.all())
    results = ingest(context, KISHIDA, ISHIBA)
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    # Another outlet's report of the same meeting adds a source and changes no date.
    ingest(context, Document("ishiba-2.txt", "Indian Prime Minister Narendra Modi held talks with Japanese Prime "
                                             "Minister Shigeru Ishiba in Tokyo on 20 November 2024.\n",
                             published=datetime.date(2024, 11, 22)))
    assert sorted((str(t), seen(t), t.ended_by, t.history.count()) for t in Tenure.objects.all()) == state


def test_a_holder_seen_again_after_another_is_reported_not_stretched_over_the_other(context):
    ingest(context, KISHIDA, ISHIBA)
    [result] = ingest(context, Document(
        "kishida-later.txt", "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Delhi "
                             "on 20 March 2025.\n", published=datetime.date(2025, 3, 21)))
    kishida = tenure("Fumio Kishida")
    assert (kishida.seen_until, kishida.ended_by) == (MARCH_12, NOVEMBER_20)
    assert result.counts["tenure.after_end"] == 1


def test_ending_a_tenure_records_a_version_naming_the_article(context):
    ingest(context, KISHIDA, ISHIBA)
    kishida = tenure("Fumio Kishida")
    latest = kishida.history.order_by("-history_id").first()
    assert (latest.ended_by, latest.history_change_reason) == (NOVEMBER_20, "ingest of ishiba.txt")
    assert kishida.updated_at == latest.updated_at > kishida.created_at
