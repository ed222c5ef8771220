"""Dates relative to a reference date: the article's publication date. Invented sentences, not the samples."""
import datetime
import itertools

import pytest

from events.extraction.text.dates import ResolvedDate, find_dates, resolve

# A Thursday.
REFERENCE = datetime.date(2024, 6, 20)


def only(text):
    mentions = find_dates(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_past_weekday_counts_back_to_the_last_such_day():
    resolved = resolve(only("Penny Wong met Retno Marsudi in Jakarta on Monday."), REFERENCE)
    assert resolved == ResolvedDate(datetime.date(2024, 6, 17), "day", "on Monday")


def test_planned_weekday_counts_forward():
    resolved = resolve(only("Wong will meet Marsudi in Canberra on Monday."), REFERENCE, planned=True)
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 6, 24), "day")


def test_weekday_of_the_reference_itself_is_that_day():
    resolved = resolve(only("The ministers met in Wellington on Thursday."), REFERENCE)
    assert resolved.date == REFERENCE


def test_earlier_in_month_is_month_precision_never_a_day():
    resolved = resolve(only("The two presidents spoke earlier in June."), REFERENCE)
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 6, 1), "month")


def test_a_later_month_in_a_past_report_is_last_year():
    resolved = resolve(only("President Ruto visited Accra in October."), REFERENCE)
    assert (resolved.date, resolved.precision) == (datetime.date(2023, 10, 1), "month")


def test_last_month():
    resolved = resolve(only("Macron hosted Lula in Paris last month."), REFERENCE)
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 5, 1), "month")


def test_last_month_in_january_is_december_of_the_year_before():
    resolved = resolve(only("They met last month."), datetime.date(2025, 1, 15))
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 12, 1), "month")


def test_next_month():
    resolved = resolve(only("Scholz will travel to Ottawa next month."), REFERENCE, planned=True)
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 7, 1), "month")


def test_earlier_this_year_is_year_precision():
    resolved = resolve(only("Earlier this year, Albanese met Luxon in Wellington."), REFERENCE)
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 1, 1), "year")


@pytest.mark.parametrize("text", ["on 12 March 2023", "on March 12, 2023", "on 2023-03-12", "on 12th of March 2023"])
def test_full_dates_are_days_whatever_the_reference(text):
    mention = only(f"The foreign ministers of Chile and Peru met {text}.")
    assert resolve(mention, REFERENCE) == resolve(mention, None)
    assert (resolve(mention, None).date, resolve(mention, None).precision) == (datetime.date(2023, 3, 12), "day")


def test_month_and_year_is_month_precision():
    resolved = resolve(only("The treaty was signed in August 2019."), None)
    assert (resolved.date, resolved.precision) == (datetime.date(2019, 8, 1), "month")


def test_month_day_in_a_january_article_is_last_year():
    resolved = resolve(only("On Oct 29, Wong spoke to Marsudi by phone."), datetime.date(2025, 1, 10))
    assert (resolved.date, resolved.precision) == (datetime.date(2024, 10, 29), "day")


def test_month_day_in_a_november_article_is_this_year():
    resolved = resolve(only("On October 29, Wong spoke to Marsudi by phone."), datetime.date(2025, 11, 23))
    assert resolved.date == datetime.date(2025, 10, 29)


def test_planned_month_day_already_past_is_next_year():
    resolved = resolve(only("The leaders will meet on February 3."), datetime.date(2025, 11, 23), planned=True)
    assert resolved.date == datetime.date(2026, 2, 3)


@pytest.mark.parametrize("text", ["They met on Monday.", "They met earlier in June.", "They met last month.",
                                  "They will meet next month.", "Earlier this year they met.", "On Oct 29 they spoke.",
                                  "They spoke yesterday."])
def test_without_a_reference_relative_dates_stay_unresolved(text):
    assert resolve(only(text), None) is None


def test_may_the_verb_is_no_date():
    assert find_dates("The president may visit Lima, officials said.") == []


def test_mentions_come_in_text_order_without_overlap():
    mentions = find_dates("On 4 May 2024 they met; on Monday they spoke again; the accord dates from 2019-03-01.")
    assert [m.kind for m in mentions] == ["full", "weekday", "full"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_month_contains_its_days_but_not_the_reverse_direction_of_precision():
    month = ResolvedDate(datetime.date(2024, 6, 1), "month", "in June")
    day = ResolvedDate(datetime.date(2024, 6, 17), "day", "on Monday")
    other_day = ResolvedDate(datetime.date(2024, 7, 1), "day", "July 1")
    assert month.contains(day) and not day.contains(month)
    assert month.compatible(day) and not month.compatible(other_day)


@pytest.mark.parametrize("written, expected", [
    ("2024/08/20", datetime.date(2024, 8, 20)),
    ("20.08.2024", datetime.date(2024, 8, 20)),
    ("2024-8-5", datetime.date(2024, 8, 5)),
    ("Aug. 20, 2024", datetime.date(2024, 8, 20)),
    ("20th of August, 2024", datetime.date(2024, 8, 20)),
])
def test_a_date_in_prose_and_a_date_in_metadata_are_read_alike(written, expected):
    from events.extraction.text.dates import parse_date_text
    mention = only(f"The ministers met in Brasília on {written} for talks.")
    assert resolve(mention, None) == ResolvedDate(expected, "day", mention.text)
    assert parse_date_text(written) == expected


def test_an_ambiguous_slashed_date_is_no_date():
    assert [m for m in find_dates("They met on 05/08/2024.") if m.kind == "full"] == []


@pytest.mark.parametrize("words", ["in July of last year", "in July last year"])
def test_a_month_of_last_year_is_last_years(words):
    resolved = resolve(only(f"The agreements were reached during the official visit {words}."), REFERENCE)
    assert (resolved.date, resolved.precision) == (datetime.date(2023, 7, 1), "month")


@pytest.mark.parametrize("text, reference, planned, expected", [
    ("Erdogan's visit to Egypt last February was a start.", datetime.date(2024, 8, 5), False, datetime.date(2024, 2, 1)),
    ("They last met last August.", datetime.date(2024, 8, 5), False, datetime.date(2023, 8, 1)),
    ("The summit will be held next October.", datetime.date(2024, 8, 5), True, datetime.date(2024, 10, 1)),
    ("The summit will be held next March.", datetime.date(2024, 8, 5), True, datetime.date(2025, 3, 1)),
])
def test_last_and_next_with_a_month_are_the_nearest_such_month(text, reference, planned, expected):
    assert resolve(only(text), reference, planned=planned).date == expected
