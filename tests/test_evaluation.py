"""The evaluation's scorer, on hand-made gold and records whose scores are worked out by hand."""
from events.evaluation.scoring import score

GOLD = {
    "persons": [
        {"id": "wong", "name": "Penny Wong", "aliases": ["Wong"], "country": "AU", "offices": [["foreign", "minister"]]},
        {"id": "son", "name": "Bui Thanh Son", "aliases": [], "country": "VN", "offices": [["foreign", "minister"]]},
        {"id": "aide", "name": "Jane Roe", "country": "AU", "required": False},
    ],
    "meetings": [
        {"id": "m1", "participants": ["wong", "son"], "date": "2024-03-14", "min_precision": "day", "country": "VN"},
    ],
    "agreements": [{"id": "a1", "name": "Memorandum of Understanding on Maritime Cooperation"}],
}


def records(**overrides):
    base = {
        "persons": [
            {"name": "Penny Wong", "country": {"code": "AU"}, "offices": [{"title": "Foreign Minister"}]},
            {"name": "Bùi Thanh Sơn", "country": "VN", "offices": []},
            {"name": "Jane Roe", "country": "AU"},
        ],
        "meetings": [{"date": "2024-03-14", "date_precision": "day", "location": {"country": "VN", "city": "Hanoi"},
                      "participants": [{"name": "Penny Wong"}, {"person": {"name": "Bui Thanh Son"}}]}],
        "agreements": [{"name": "the Memorandum of Understanding on Maritime Cooperation"}],
    }
    return {**base, **overrides}


def test_a_perfect_extraction_scores_one_and_an_optional_record_costs_nothing():
    result = score(GOLD, records())
    assert (result.overall, result.persons.fp) == (1.0, 0)


def test_names_match_without_accents_and_offices_by_their_words():
    result = score(GOLD, records())
    assert result.persons.attributes == {"full_name": 1.0, "country": 1.0, "office": 0.5}


def test_a_second_record_of_one_person_is_a_false_positive():
    persons = [*records()["persons"], {"name": "Wong", "country": "AU"}]
    result = score(GOLD, records(persons=persons))
    assert (result.persons.tp, result.persons.fp) == (2, 1)


def test_a_meeting_at_the_wrong_precision_matches_but_its_date_is_wrong():
    meeting = {**records()["meetings"][0], "date": "2024-03-01", "date_precision": "month"}
    result = score(GOLD, records(meetings=[meeting]))
    assert (result.meetings.tp, result.meetings.attributes["date"]) == (1, 0.0)


def test_an_unrelated_agreement_is_a_false_positive_and_the_real_one_is_missed():
    result = score(GOLD, records(agreements=[{"name": "Treaty of Friendship"}]))
    assert (result.agreements.tp, result.agreements.fp, result.agreements.fn) == (0, 1, 1)
