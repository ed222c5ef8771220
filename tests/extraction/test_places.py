"""Places in a sentence, and the venue of a meeting."""
import pytest

from events.extraction.gazetteer import gazetteer
from events.extraction.recognise.places import arrived, find_places, venue, visited_at_other_time


def test_city_comma_country_takes_the_named_country():
    places = find_places("The two leaders met in Osaka, Japan on Friday.")
    osaka = next(p for p in places if p.text == "Osaka")
    assert (osaka.kind, osaka.country, osaka.located) == ("city", "JP", True)
    assert venue(places).city == "Osaka"


def test_possessive_country_before_a_city():
    places = find_places("Albanese met Anwar in Malaysia's Kuala Lumpur.")
    found = venue(places)
    assert (found.kind, found.city, found.country) == ("city", "Kuala Lumpur", "MY")


def test_city_named_building_is_not_the_city():
    assert [p.text for p in find_places("The ministers met at Hyderabad House on Monday.")] == []


def test_building_beside_its_city_leaves_the_city_as_venue():
    places = find_places("The ministers met at Hyderabad House in New Delhi.")
    assert [p.text for p in places] == ["New Delhi"]
    assert venue(places).country == "IN"


def test_city_alone_is_a_venue_with_its_own_country():
    found = venue(find_places("Wong met Marsudi in Jakarta."))
    assert (found.city, found.country) == ("Jakarta", "ID")


def test_country_after_a_preposition_is_a_venue_when_no_city_is_named():
    found = venue(find_places("Foreign Minister Penny Wong travelled to Indonesia."))
    assert (found.kind, found.country, found.city) == ("country", "ID", "")


def test_country_as_subject_is_no_venue():
    assert venue(find_places("Indonesia and Australia agreed to cooperate.")) is None


def test_city_is_preferred_over_a_country():
    found = venue(find_places("During a visit to Chile, Albanese met Boric in Santiago."))
    assert found.city == "Santiago"


def test_demonym_is_found_with_its_country_but_is_no_venue():
    places = find_places("The Indonesian minister spoke.")
    assert [(p.kind, p.country) for p in places] == [("demonym", "ID")]
    assert venue(places) is None


def test_unknown_town_before_a_country():
    places = find_places("The summit was held in Kananaskis, Canada.")
    town = venue(places)
    assert (town.city, town.country) == ("Kananaskis", "CA")


def test_lower_case_word_is_no_place():
    assert find_places("the chile sauce was served") == []


def test_a_place_written_with_accents_is_the_place():
    [place] = find_places("The delegation flew on to Brasília.")
    assert (place.text, place.country, place.kind) == ("Brasília", "BR", "city")


def test_saint_is_also_written_st():
    [place] = find_places("The delegation then flew to St Lucia.")
    assert place.country == "LC"


def test_a_country_before_in_and_a_city_is_not_the_citys():
    places = find_places("He met the President of Estonia in Addis Ababa today.")
    assert [(p.text, p.country) for p in places if p.kind == "city"] == [("Addis Ababa", "ET")]


def test_a_country_owning_what_follows_is_not_the_citys():
    places = find_places("The talks in Nairobi, Uganda's President said, were useful.")
    assert [(p.text, p.country) for p in places if p.kind == "city"] == [("Nairobi", "KE")]


@pytest.mark.parametrize("text", [
    "According to Seoul's foreign ministry, the two ministers spoke about the summit.",
    "Beijing's stance on the dispute was discussed by the two ministers.",
])
def test_a_city_that_owns_something_is_no_venue(text):
    assert [p for p in find_places(text) if p.located] == []


def test_a_place_that_is_a_topic_of_talks_is_no_venue():
    [ukraine] = find_places("The pair discussed the war in Ukraine and trade.")
    assert not ukraine.located


def test_the_country_of_a_city_is_a_venue_too():
    places = find_places("They met in Addis Ababa, Ethiopia, on Friday.")
    assert [(p.text, p.located) for p in places] == [("Addis Ababa", True), ("Ethiopia", True)]


def test_a_city_that_ends_the_name_of_a_building_is_no_place():
    assert find_places("The Centro Cultural de Belém hosted the meetings in Lisbon.")[0].text == "Lisbon"


def test_a_seat_of_government_stands_for_its_city():
    [place] = find_places("Biden met Prime Minister Rishi Sunak in Downing Street on Monday.")
    assert (place.city, place.country, place.located) == ("London", "GB", True)


def test_a_visit_at_another_time_is_no_arrival():
    text = "It was their first meeting since the Kenyan leader's visit to Accra last year."
    [place] = [p for p in find_places(text) if p.kind == "city"]
    assert arrived(text, place) is None and visited_at_other_time(text, place)


def test_a_proposed_visit_is_no_arrival():
    text = "They met ahead of her proposed visit to Ghana in the coming months."
    [place] = find_places(text)
    assert arrived(text, place) is None


@pytest.mark.parametrize("sentence, city, country", [
    ("The ministers met on the sidelines of the UN General Assembly in New York.", "New York", "US"),
    ("The two sides held talks in Geneva on Monday.", "Geneva", "CH"),
    ("The leaders met at the Prime Minister's Office in Putrajaya.", "Putrajaya", "MY"),
    ("The ministers met at Mar-a-Lago on Friday.", "Mar-a-Lago", "US"),
])
def test_seats_of_diplomacy_under_the_population_cut_are_places(sentence, city, country):
    found = venue(find_places(sentence))
    assert (found.city, found.country) == (city, country)


@pytest.mark.parametrize("sentence", [
    "He was greeted by Foreign Minister Ana Costa and Portugal's Ambassador to Brazil Rui Lopes.",
    "He was greeted by the Singapore High Commissioner to Malaysia, Tan Wei Ming.",
])
def test_an_envoy_s_posting_is_no_venue(sentence):
    assert venue(find_places(sentence)) is None


def test_a_continent_before_a_country_s_possession_is_no_town():
    places = find_places("He spoke of the security situation in Europe, Ireland\u2019s Presidency of the Council.")
    assert [p.text for p in places] == ["Ireland"] and venue(places) is None


def test_a_city_s_name_among_the_words_of_a_longer_name_is_no_place():
    places = find_places("Modi held talks with Biden at Lok Kalyan Marg on Friday.")
    assert [p.text for p in places] == []


@pytest.mark.parametrize("sentence", ["Modi Meets Biden In Delhi Today", "The Visit To Kalyan Ends"])
def test_a_city_beside_a_function_word_in_a_headline_is_a_place(sentence):
    assert [p.kind for p in find_places(sentence)] == ["city"]


def test_an_event_named_after_its_venue_is_held_there():
    found = venue(find_places("They met on the sidelines of the Abu Dhabi-held Sir Bani Yas Forum."))
    assert found is not None and found.country == "AE"


@pytest.mark.parametrize(("demonym", "code"), [("American", "US"), ("French", "FR"), ("Chinese", "CN")])
def test_a_demonym_is_the_sovereign_states_not_a_territorys(demonym, code):
    assert gazetteer().place(demonym).country == code
