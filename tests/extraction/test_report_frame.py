"""Whose officials the report's frame says they are, when no word says it of them. Invented reports of the kinds met:
a national outlet's readout of a visit, a ministry's account of talks abroad, a regional paper's home news."""
import datetime

from events.extraction.gazetteer import Gazetteer, active
from events.extraction.pipeline import extract
from events.extraction.recognise.titles import find_titles
from events.extraction.resolve.article import analyse
from events.extraction.resolve.meetings import meeting_candidates
from events.extraction.text.clean import clean


def countries(analysis):
    return {p.name: p.country for p in analysis.people.persons}


VISIT = (
    "Portugal signs three agreements with Chile\n\n"
    "Prime Minister Ana Costa held talks with her Chilean counterpart Luis Rojas in Lisbon on Monday.\n\n"
    "Health Minister Rui Lopes and Education Minister Marta Silva held talks on the training of nurses."
)


def test_a_national_report_leaves_its_own_side_unmarked():
    found = countries(analyse(VISIT))
    assert (found["Luis Rojas"], found["Rui Lopes"], found["Marta Silva"]) == ("CL", "PT", "PT")


def test_the_unmarked_side_is_only_presumed_and_never_makes_a_meeting_domestic():
    analysis = analyse(VISIT)
    signing = [m for m in meeting_candidates(analysis) if len(m.participants) == 2
               and {analysis.people.persons[i].name for i in m.participants} == {"Rui Lopes", "Marta Silva"}]
    assert signing, "the signing stays a meeting: nothing says both signatories serve one government"


def test_a_country_named_only_by_a_venue_is_no_side():
    analysis = analyse("Argentine Economy Minister Pablo Ruiz met Managing Director Jana Novak of the IMF in "
                       "Washington.\n\nCentral Bank President Tomas Vidal joined the talks.")
    assert countries(analysis)["Tomas Vidal"] != "US"


def test_a_report_filed_from_a_city_and_naming_no_country_is_of_that_city_s_country():
    cleaned = clean("PUNE: Chief Minister Arun Deshmukh on Sunday inaugurated projects worth Rs 400 crore in the "
                    "district.\n\nWorks Minister Sunil Patil said the roads would be finished by March.")
    analysis = analyse(cleaned.text, dateline=cleaned.dateline)
    assert set(countries(analysis).values()) == {"IN"}


def test_a_meeting_in_the_filing_city_may_bring_anyone_there():
    analysis = analyse("Foreign Minister Wang Yi met Secretary of State Antony Blinken on Friday.",
                       dateline="Beijing")
    assert countries(analysis)["Antony Blinken"] != "CN"


def test_a_dateline_of_a_city_and_an_agency_in_capitals():
    cleaned = clean("NUR-SULTAN. KAZINFORM At the Government session chaired by Prime Minister Askar Omarov, the "
                    "participants discussed the budget.")
    assert (cleaned.dateline, cleaned.text[:6]) == ("NUR-SULTAN", "At the")


def test_a_former_name_of_a_city_is_that_city():
    cleaned = clean("NUR-SULTAN. KAZINFORM Prime Minister Askar Omarov chaired the session of the Government today.")
    assert countries(analyse(cleaned.text, dateline=cleaned.dateline)) == {"Askar Omarov": "KZ"}


def test_a_demonym_inside_a_post_gives_its_country():
    [title] = find_titles("Speaker of the Ghanaian Parliament, Kwame Mensah, visited Abuja.")
    assert title.country == "GH"


def test_a_courtesy_before_the_country_keeps_the_country():
    [_, title] = find_titles("The Emir met President of the brotherly Republic of Tunisia HE Kais Saied.")
    assert (title.title, title.country) == ("President", "TN")


def test_a_counterpart_named_without_a_country_holds_the_same_post():
    analysis = analyse("Prime Minister Ana Costa and counterpart Luis Rojas said the pact showed the closeness of the "
                       "two nations.")
    titles = {p.name: [t.title for t in p.titles] for p in analysis.people.persons}
    assert titles["Luis Rojas"] == ["Prime Minister"]


def test_a_dateline_with_a_bracketed_credit():
    cleaned = clean("MUSCAT, (Gulf Wire / ONA - 3rd May, 2022) Foreign Minister Badr Al-Said received his Kenyan "
                    "counterpart in the capital today.")
    assert (cleaned.dateline, cleaned.text[:12]) == ("MUSCAT", "Foreign Mini")


def test_hosts_attendees_take_the_country_of_a_venue_the_dateline_gives():
    cleaned = clean(
        "MUSCAT, (Gulf Wire / ONA - 3rd May, 2022) Foreign Minister Sayyid Badr Al Busaidi received Foreign "
        "Minister Ruth Wanjiku of Kenya today.\n\n"
        "Attending the meeting were Minister of State Hamad Al Harthy and Secretary-General Khalid Al Jaradi.")
    extraction = extract(cleaned, datetime.date(2022, 5, 3), [])
    found = {p.name: p.country for p in extraction.analysis.people.persons}
    assert (found["Hamad Al Harthy"], found["Khalid Al Jaradi"]) == ("OM", "OM")


def test_two_making_a_visit_travel_together_and_are_no_two_sides():
    analysis = analyse("King Philippe and Belgian Queen Mathilde arrived in Lisbon on Monday, where Portuguese "
                       "President Marcelo Rebelo de Sousa welcomed them.\n\n"
                       "The King and Queen are accompanied on their visit by ministers.")
    assert countries(analysis)["Philippe"] != "PT"


def test_those_who_receive_a_visitor_are_of_one_side():
    analysis = analyse(
        "King Philippe of Belgium and Queen Mathilde of Belgium arrived in Lisbon on Monday.\n\n"
        "They were received by Minister of State for Transport Rui Lopes and Portugal's Ambassador to Belgium "
        "Marta Silva at the airport.")
    assert countries(analysis)["Rui Lopes"] != "BE"


def test_a_country_after_two_holders_of_different_posts_is_both_s():
    analysis = analyse("King Philippe and Queen Mathilde of Belgium began their state visit to Portugal on Monday.")
    assert countries(analysis)["Philippe"] == "BE"


def test_a_country_after_two_holders_of_one_post_is_the_second_s():
    analysis = analyse("President Ana Costa and President Jean Dupont of Belgium met in Lisbon on Monday.")
    assert countries(analysis)["Ana Costa"] != "BE"


def test_a_leader_the_world_knows_named_in_full_is_of_their_country():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Ana Maria Costa", "aliases": ["Ana Costa"], "country": "PT", "offices": []}]
    with active(lexicon):
        analysis = analyse("Costa Ana said the budget would pass.\n\nPrime Minister Ana Costa met the unions.")
        assert countries(analysis)["Ana Costa"] == "PT"


def test_a_spelling_two_countries_leaders_share_gives_no_country():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Ana Costa", "aliases": [], "country": "PT", "offices": []},
                       {"name": "Ana Costa", "aliases": [], "country": "BR", "offices": []}]
    with active(lexicon):
        analysis = analyse("Prime Minister Ana Costa met the unions.")
        assert countries(analysis)["Ana Costa"] == ""


def test_a_city_and_a_colon_opening_an_article_is_its_dateline():
    analysis = analyse("Lima: President Ana Costa on Thursday had a series of bilateral meetings at the summit.")
    assert analysis.dateline.city == "Lima"


def test_a_leader_the_world_knows_and_their_own_ministers_meet_at_home():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Ada Okoro", "aliases": [], "country": "NG", "offices": []}]
    with active(lexicon):
        analysis = analyse("Abuja (NAN) - The cabinet meeting of Nigeria was presided over by President Ada Okoro "
                           "and attended by Vice President Musa Bello and Minister of Works Emeka Obi.")
        assert countries(analysis)["Ada Okoro"] == "NG"
        assert meeting_candidates(analysis) == []


def test_home_news_naming_no_country_is_of_its_known_leaders_country():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Ada Okoro", "aliases": [], "country": "NG", "offices": []}]
    with active(lexicon):
        analysis = analyse("Three ministers were sworn in before President Ada Okoro this morning.\n\n"
                           "1. Musa Bello - Minister of Works\n2. Emeka Obi - Minister of Health")
        assert (countries(analysis)["Musa Bello"], countries(analysis)["Emeka Obi"]) == ("NG", "NG")


def test_a_leader_whose_names_repeat_a_word_is_not_anyone_of_that_one_name():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Karim Karim", "aliases": [], "country": "AF", "offices": []}]
    with active(lexicon):
        assert countries(analyse("King Karim met the unions."))["Karim"] == ""


def test_a_leader_is_known_with_or_without_the_arabic_article():
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Samir Haddad", "aliases": [], "country": "JO", "offices": []}]
    with active(lexicon):
        assert countries(analyse("Foreign Minister Samir al-Haddad met the unions."))["Samir al-Haddad"] == "JO"


def test_those_accompanying_a_leader_are_of_the_leader_s_country():
    analysis = analyse("Turkish President Ali Demir arrived in Doha on Monday.\n\n"
                       "Demir was accompanied by Finance Minister Kerem Aksoy and Defence Minister Murat Kaya.")
    assert (countries(analysis)["Kerem Aksoy"], countries(analysis)["Murat Kaya"]) == ("TR", "TR")


def test_those_accompanying_stop_at_the_meeting_verb():
    analysis = analyse("Turkish President Ali Demir, accompanied by Finance Minister Kerem Aksoy, met Emir Hamad "
                       "Saleh in Doha.")
    assert countries(analysis)["Kerem Aksoy"] == "TR" and countries(analysis)["Hamad Saleh"] != "TR"


def test_two_people_in_an_attendance_list_are_not_two_sides():
    analysis = analyse("Prime Minister Omar Saleh of Iraq met King Faisal Hamdan of Jordan in Amman.\n\n"
                       "The meeting was attended by Iraqi Foreign Minister Adel Karim, and the governor of Anbar, "
                       "Sami Nouri.")
    assert countries(analysis)["Sami Nouri"] != "JO"


def test_delegates_of_one_country_named_beside_one_of_them_are_all_of_it():
    analysis = analyse("Turkish President Ali Demir met Emir Hamad Saleh of Qatar in Doha.\n\n"
                       "Turkey's Communications Director Emre Aydin and presidential spokesman Selim Kurt were "
                       "among the Turkish delegates.")
    assert countries(analysis)["Selim Kurt"] == "TR"


def test_the_fullest_spelling_of_a_name_says_which_leader_it_is():
    # Sixteen names, so that an order left to string hashing would put a short spelling first for one of them.
    given = ["Karim", "Samir", "Adel", "Fadi", "Nabil", "Omar", "Rami", "Tarek"]
    families = [("Haddad", "Khoury"), ("Nasser", "Saleh")]
    names = [(g, f) for g in given for f in families[given.index(g) % 2]]
    lexicon = Gazetteer()
    lexicon.leaders = [row for g, f in names for row in (
        {"name": f"{g} {f}", "aliases": [], "country": "JO", "offices": []},
        {"name": f, "aliases": [], "country": "LB", "offices": []})]
    with active(lexicon):
        for g, f in names:
            assert countries(analyse(f"King {g} {f} spoke. King {f} left."))[f"{g} {f}"] == "JO", f"{g} {f}"


def test_a_city_state_on_the_dateline_is_the_city_filed_from():
    cleaned = clean("SINGAPORE: Malaysian Prime Minister Omar Salleh arrived here today for an official visit.")
    analysis = analyse(cleaned.text, dateline=cleaned.dateline)
    assert (analysis.dateline.kind, analysis.dateline.city, analysis.dateline.country) == ("city", "Singapore", "SG")


def test_a_monarch_is_known_without_a_regnal_number_or_with_a_title_in_the_alias():
    from events.extraction.resolve.people import ArticlePerson
    lexicon = Gazetteer()
    lexicon.leaders = [{"name": "Pedro Luis I", "aliases": [], "country": "ES", "offices": []},
                       {"name": "Tomas II", "aliases": ["King Tomas"], "country": "PT", "offices": []}]
    with active(lexicon):
        found = [ArticlePerson(0, names=[name]).leader_country for name in ("Pedro Luis", "Tomas", "Tomas II")]
        assert found == ["ES", "PT", "PT"]


def test_he_after_the_hosts_who_received_a_visitor_is_the_visitor():
    analysis = analyse("NEW DELHI: King Willem Jansen of the Netherlands arrived in New Delhi on Sunday.\n\n"
                       "They were received by Minister of State Arun Rao at the airport.\n\n"
                       "He also received a ceremonial reception in presence of President Vikram Singh of India.")
    last = analysis.facts[-1]
    assert analysis.people.persons[last.persons[0]].name == "Willem Jansen"
