"""The one rule for "the same meeting" and "the same agreement", used in an article and against the database."""
import datetime

from events.extraction.recognise.agreements import agreement_key
from events.extraction.recognise.cues import occasion_key
from events.extraction.resolve.matching import AgreementFacts, MeetingFacts, same_agreement, same_meeting
from events.extraction.text.dates import ResolvedDate


def day(y, m, d):
    return ResolvedDate(datetime.date(y, m, d), "day", "")


def meeting(**fields):
    return MeetingFacts(**({"kind": "in_person", "participants": frozenset({1, 2})} | fields))


def test_an_occasion_named_by_a_country_pair_matches_itself():
    key = occasion_key("the Kenya-Tanzania summit")
    assert same_meeting(meeting(occasion=key), meeting(occasion=key, participants=frozenset({1, 3})))


def test_two_stated_days_apart_are_two_meetings():
    assert not same_meeting(meeting(date=day(2024, 3, 4)), meeting(date=day(2024, 3, 9)))


def test_an_inherited_date_does_not_separate_a_look_back_in_the_same_year():
    stated = meeting(kind="phone_call", date=day(2025, 10, 29))
    inherited = meeting(kind="phone_call", date=day(2025, 11, 23), date_explicit=False)
    assert same_meeting(stated, inherited)


def test_an_inherited_date_of_another_year_separates():
    stated = meeting(date=day(2023, 6, 1))
    inherited = meeting(date=day(2024, 6, 1), date_explicit=False)
    assert not same_meeting(stated, inherited)


def test_different_cities_are_different_meetings():
    assert not same_meeting(meeting(country="BR", city="Brasília"), meeting(country="BR", city="Rio de Janeiro"))


def test_a_call_is_not_a_visit():
    assert not same_meeting(meeting(kind="phone_call"), meeting(kind="visit"))


def test_one_pair_among_three_is_the_same_meeting():
    assert same_meeting(meeting(), meeting(participants=frozenset({1, 2, 3})))


def test_one_shared_person_is_not_enough_without_an_occasion():
    assert not same_meeting(meeting(), meeting(participants=frozenset({1, 3})))


def test_a_participant_a_curator_took_out_counts_when_the_other_report_names_them():
    # A meeting first read as one of 1 and 2, where a curator then replaced 2 by 3.
    corrected = meeting(participants=frozenset({1, 3}), former=frozenset({2}))
    assert same_meeting(corrected, meeting()) and same_meeting(meeting(), corrected)


def test_a_participant_a_curator_took_out_is_not_a_participant_otherwise():
    # Nor does it make a report of others the meeting's: 2 and 4 are not the meeting of 1 and 3.
    corrected = meeting(participants=frozenset({1, 3}), former=frozenset({2}))
    assert not same_meeting(corrected, meeting(participants=frozenset({2, 4})))
    assert not same_meeting(corrected, meeting(participants=frozenset({1, 4})))


def test_one_pairs_partnership_is_not_another_pairs():
    key = agreement_key("Strategic Partnership")
    assert not same_agreement(AgreementFacts(key, frozenset({"AU", "JP"})), AgreementFacts(key, frozenset({"IN", "JP"})))


def test_an_agreement_under_a_longer_name_between_the_same_parties_is_one():
    short = AgreementFacts(agreement_key("Comprehensive Strategic Partnership"), frozenset({"AU", "ID"}))
    long = AgreementFacts(agreement_key("Australia-Indonesia Comprehensive Strategic Partnership"), frozenset({"AU", "ID"}))
    assert same_agreement(short, long)


def test_a_relative_date_in_a_quote_does_not_tell_two_undated_mentions_apart():
    from events.extraction.text.dates import DateMention

    friday = DateMention("weekday", "on Friday", 0, 9, weekday=4)
    later = DateMention("relative", "over the next two days", 0, 22, relative="next two days")
    a = MeetingFacts(kind="in_person", participants=frozenset({1, 2}), date_mention=friday)
    b = MeetingFacts(kind="in_person", participants=frozenset({1, 2, 3}), date_mention=later)
    assert same_meeting(a, b)


def test_two_pairs_on_a_summits_sidelines_are_two_meetings():
    key = occasion_key("the UN climate conference")
    first = meeting(kind="summit_sidelines", occasion=key)
    separately = meeting(kind="summit_sidelines", occasion=key, participants=frozenset({2, 3}))
    assert not same_meeting(first, separately)


def test_a_pair_and_one_of_them_on_a_summits_sidelines_are_one_meeting():
    key = occasion_key("the UN climate conference")
    first = meeting(kind="summit_sidelines", occasion=key)
    assert same_meeting(first, meeting(kind="summit_sidelines", occasion=key, participants=frozenset({2})))
