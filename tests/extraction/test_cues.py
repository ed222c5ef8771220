"""Meeting cues: was there a meeting, of what kind, held or planned, at which occasion."""
import pytest

from events.extraction.recognise.cues import find_meeting_cue, find_occasions, occasion_key
from events.extraction.resolve.matching import occasions_match


def test_no_meeting_words_no_cue():
    assert find_meeting_cue("Indonesia's economy grew by five percent last year.") is None


def test_met_is_a_meeting_held_of_a_kind_the_verb_leaves_open():
    cue = find_meeting_cue("Foreign Minister Penny Wong met Retno Marsudi in Jakarta on Tuesday.")
    assert (cue.kind, cue.planned, cue.occasions) == ("", False, ())


@pytest.mark.parametrize("text", [
    "Prime Minister Anthony Albanese held a telephonic conversation with President Joko Widodo.",
    "Albanese spoke over the phone with Widodo on Friday.",
])
def test_phone_call(text):
    assert find_meeting_cue(text).kind == "phone_call"


def test_sidelines_of_a_summit():
    cue = find_meeting_cue("Albanese met Lula on the sidelines of the G20 Summit in Rio de Janeiro.")
    assert cue.kind == "summit_sidelines"
    assert [o.name for o in cue.occasions] == ["G20 Summit"]


def test_dialogue_with_its_ordinal():
    cue = find_meeting_cue("The ministers held the third round of the Australia-Indonesia 2+2 Dialogue in Canberra.")
    assert cue.kind == "dialogue"
    [occasion] = cue.occasions
    assert (occasion.name, occasion.ordinal) == ("Australia-Indonesia 2+2 Dialogue", "third")


@pytest.mark.parametrize("text", [
    "The ministers will meet next month in Canberra.",
    "Wong is scheduled to hold talks with Marsudi on Friday.",
])
def test_planned(text):
    assert find_meeting_cue(text).planned is True


def test_held_with_a_later_future_clause_is_not_planned():
    cue = find_meeting_cue("Wong met Marsudi in Jakarta on Tuesday and said the two countries would remain close partners.")
    assert cue.planned is False


def test_the_two_leaders_is_a_group():
    assert find_meeting_cue("The two leaders met in Canberra on Monday.").group == "leaders"


def test_event_after_ahead_of_is_a_time_marker_not_an_occasion():
    assert find_occasions("Wong met Marsudi ahead of the East Asia Summit in Vientiane.") == []


def test_occasion_needs_more_than_one_plain_word():
    assert find_occasions("They will attend the Summit.") == []


def test_occasion_key_drops_generic_words_and_normalises_ordinals():
    assert occasion_key("3rd India-Japan 2+2 Dialogue") == frozenset({"3", "india", "japan", "2+2"})
    assert occasion_key("2+2", "third") == frozenset({"3", "2+2"})


def test_numbered_dialogue_matches_the_third_round_spelling():
    assert occasions_match(occasion_key("3rd India-Japan 2+2 Dialogue"), occasion_key("2+2", "third"))


def test_a_different_round_does_not_match():
    assert not occasions_match(occasion_key("3rd India-Japan 2+2 Dialogue"), occasion_key("2+2", "fourth"))


def test_defense_and_defence_spellings_match():
    assert occasion_key("ASEAN Defense Ministers Meeting") == occasion_key("ASEAN Defence Ministers Meeting")


def test_shared_country_names_alone_do_not_match_occasions():
    assert not occasions_match(occasion_key("Australia-Indonesia Annual Leaders Meeting"),
                               occasion_key("Australia-Indonesia 2+2 Dialogue"))


def test_a_parley_is_a_meeting():
    assert find_meeting_cue("The two presidents held a private parley on Sunday night.", None) is not None


def test_an_encounter_is_a_meeting():
    assert find_meeting_cue("Bullrich held a separate encounter with her Salvadoran counterpart.", None) is not None


def test_a_purpose_is_no_occasion():
    assert find_occasions("President Joko Widodo received Fidan for talks on Friday.") == []


def test_an_event_s_name_with_an_inner_event_word_is_one_occasion():
    found = find_occasions("Fidan will also attend the 5th ASEAN-Türkiye Sectoral Dialogue Partnership meeting.")
    assert [(o.name, o.ordinal) for o in found] == [("ASEAN-Türkiye Sectoral Dialogue Partnership meeting", "5th")]
