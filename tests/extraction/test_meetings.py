"""Meeting candidates from an analysed text: dates, merging of mentions, and what stays apart. Pure: no database."""
import datetime

from events.extraction.pipeline import build_meetings
from events.extraction.resolve.article import analyse
from events.extraction.resolve.meetings import meeting_candidates, merge_candidates, resolve_dates

REFERENCE = datetime.date(2024, 3, 8)  # a Friday

TEXT = (
    "Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on Tuesday. "
    "Wong and Marsudi discussed maritime security.\n\n"
    "During the meeting in Jakarta, Wong and Marsudi also agreed to expand student exchanges.\n\n"
    "On Thursday, Wong held a telephonic conversation with Marsudi about the crisis."
)


def meetings(text, reference=REFERENCE):
    analysis = analyse(text)
    candidates = meeting_candidates(analysis)
    resolve_dates(candidates, analysis, reference)
    return analysis, candidates, merge_candidates(candidates)


def names(analysis, candidate):
    return [analysis.people.persons[i].name for i in candidate.participants]


def test_people_of_the_text_are_found_once_each():
    analysis, _, _ = meetings(TEXT)
    assert [p.name for p in analysis.people.persons] == ["Penny Wong", "Retno Marsudi"]
    assert analysis.people.persons[1].country == "ID"


def test_two_mentions_of_one_meeting_merge_with_the_explicit_date_and_city():
    analysis, candidates, merged = meetings(TEXT)
    in_person = [m for m in merged if m.kind == "in_person"]
    assert len(candidates) > len(merged)
    [meeting] = in_person
    assert names(analysis, meeting) == ["Penny Wong", "Retno Marsudi"]
    assert (meeting.date.date, meeting.date.precision) == (datetime.date(2024, 3, 5), "day")
    assert (meeting.city, meeting.country) == ("Jakarta", "ID")
    assert len(meeting.sentences) == 2


def test_phone_call_with_the_same_people_stays_apart():
    analysis, _, merged = meetings(TEXT)
    [call] = [m for m in merged if m.kind == "phone_call"]
    assert names(analysis, call) == ["Penny Wong", "Retno Marsudi"]
    assert (call.date.date, call.date.precision) == (datetime.date(2024, 3, 7), "day")
    assert len(merged) == 2


def test_date_inherited_from_the_paragraph_keeps_its_day():
    text = ("Chancellor Olaf Scholz arrived in Warsaw on 3 May 2023. "
            "Scholz held talks with his Polish counterpart Mateusz Morawiecki at the chancellery.")
    _, _, [meeting] = meetings(text, datetime.date(2023, 5, 4))
    assert meeting.date_explicit is False
    assert (meeting.date.date, meeting.date.precision) == (datetime.date(2023, 5, 3), "day")


def test_the_next_day_is_a_day_after_the_inherited_date():
    text = ("President Gabriel Boric arrived in Lima on 12 June 2024. "
            "The next day, Boric held talks with his Peruvian counterpart Dina Boluarte.")
    analysis, _, merged = meetings(text, datetime.date(2024, 6, 14))
    [meeting] = merged
    assert names(analysis, meeting) == ["Gabriel Boric", "Dina Boluarte"]
    assert meeting.date_explicit is False
    assert (meeting.date.date, meeting.date.precision) == (datetime.date(2024, 6, 13), "day")


def test_sentence_own_date_is_explicit_and_keeps_its_day():
    text = "President Gabriel Boric held talks with his Peruvian counterpart Dina Boluarte in Lima on 12 June 2024."
    _, _, [meeting] = meetings(text, None)
    assert meeting.date_explicit is True
    assert (meeting.date.date, meeting.date.precision) == (datetime.date(2024, 6, 12), "day")


def test_planned_meeting_counts_forward_and_inherits_no_date():
    text = ("Foreign Minister Penny Wong will meet her Indonesian counterpart Retno Marsudi in Canberra on Monday.\n\n"
            "Prime Minister Anthony Albanese is scheduled to hold talks with his Indonesian counterpart Joko Widodo.")
    analysis, _, merged = meetings(text)
    by_first = {names(analysis, m)[0]: m for m in merged}
    assert by_first["Penny Wong"].planned is True
    assert by_first["Penny Wong"].date.date == datetime.date(2024, 3, 11)
    assert by_first["Anthony Albanese"].planned is True
    assert by_first["Anthony Albanese"].date is None


def test_different_days_stay_apart():
    text = ("Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on Monday.\n\n"
            "Wong met Marsudi again in Bali on 1 February 2024.")
    _, _, merged = meetings(text)
    assert len(merged) == 2
    assert sorted(m.date.date for m in merged) == [datetime.date(2024, 2, 1), datetime.date(2024, 3, 4)]


def test_sidelines_meeting_keeps_its_occasion_and_venue():
    text = ("Prime Minister Anthony Albanese met Brazilian President Luiz Inacio Lula on the sidelines of the "
            "G20 Summit in Rio de Janeiro on Monday.")
    _, _, [meeting] = meetings(text, datetime.date(2024, 11, 20))
    assert meeting.kind == "summit_sidelines"
    assert meeting.occasion.name == "G20 Summit"
    assert meeting.country == "BR"
    assert meeting.date.date == datetime.date(2024, 11, 18)


def test_one_person_alone_is_no_meeting():
    _, candidates, _ = meetings("Foreign Minister Penny Wong met reporters in Canberra on Monday.")
    assert candidates == []


def test_a_cabinet_session_in_an_article_naming_one_country_is_no_meeting():
    text = ("The Federal Executive Council of Ghana met in Accra on Wednesday. "
            "The meeting presided over by President John Mahama was attended by Vice President Jane Opoku-Agyemang.")
    _, _, merged = meetings(text, datetime.date(2025, 3, 5))
    assert [m for m in merged if len(m.participants) >= 2] == []


def test_leaders_who_spoke_from_no_shared_place_had_a_call():
    text = ("Today, Prime Minister Mark Carney spoke with President Claudia Sheinbaum of Mexico. "
            "The leaders agreed to remain in close contact.")
    _, _, [meeting] = meetings(text, datetime.date(2025, 7, 15))
    assert meeting.kind == "phone_call"


def test_their_meeting_at_a_summit_is_theirs():
    text = ("Prime Minister Mark Carney spoke with President Claudia Sheinbaum of Mexico. "
            "Carney and Sheinbaum discussed trade, building on their productive meeting at the G7 Summit in Kananaskis.")
    analysis, _, merged = meetings(text, datetime.date(2025, 7, 15))
    at_summit = [m for m in merged if m.occasion]
    assert [names(analysis, m) for m in at_summit] == [["Mark Carney", "Claudia Sheinbaum"]]


def test_separate_talks_with_three_ministers_are_three_meetings():
    text = ("In Jakarta, Foreign Minister Hakan Fidan of Turkey held separate talks with Bangladeshi Foreign Minister "
            "AK Abdul Momen, Vietnamese Foreign Minister Bui Thanh Son and Norwegian Foreign Minister Anniken Huitfeldt.")
    analysis, _, merged = meetings(text, datetime.date(2023, 7, 14))
    assert sorted(names(analysis, m)[1] for m in merged) == ["AK Abdul Momen", "Anniken Huitfeldt", "Bui Thanh Son"]


def test_someone_who_only_sends_greetings_takes_no_part():
    text = ("President Shavkat Mirziyoyev received Saudi Foreign Minister Faisal bin Farhan in Tashkent on 16 July "
            "2021. During the meeting, the minister conveyed the greetings of King Salman bin Abdulaziz to the President.")
    analysis, _, merged = meetings(text, datetime.date(2021, 7, 16))
    assert all("Salman bin Abdulaziz" not in names(analysis, m) for m in merged)


def test_meeting_unnamed_people_joins_no_one_from_the_sentence_before():
    text = ("Ghana's Foreign Minister Shirley Botchwey spoke in Accra on Monday. "
            "Nigeria's Vice President Yemi Osinbajo met with representatives of the Nigerian community in Accra.")
    analysis, _, merged = meetings(text, datetime.date(2020, 9, 21))
    assert [names(analysis, m) for m in merged if len(m.participants) >= 2] == []


def test_a_meeting_with_no_place_of_its_own_is_where_the_one_before_was():
    from events.extraction.resolve.meetings import apply_location_context
    text = ("Foreign Minister Vivian Balakrishnan met his Asean counterparts in Phnom Penh on Tuesday. "
            "He also met Greek Foreign Minister Nikos Dendias on Tuesday.")
    analysis, _, merged = meetings(text, datetime.date(2022, 8, 3))
    apply_location_context(merged, analysis)
    with_dendias = [m for m in merged if "Nikos Dendias" in names(analysis, m)]
    assert [(m.city, m.country) for m in with_dendias] == [("Phnom Penh", "KH")]


def test_with_a_counterpart_put_first_is_a_meeting():
    text = ("Prime Minister Anwar Ibrahim held talks with several ministers. "
            "With Chinese Foreign Minister Wang Yi, Anwar reviewed the economic ties between Malaysia and China.")
    analysis, _, merged = meetings(text, datetime.date(2025, 7, 11))
    assert ["Wang Yi", "Anwar Ibrahim"] in [names(analysis, m) for m in merged]


def test_a_month_further_down_does_not_date_the_report():
    text = ("Prime Minister Anwar Ibrahim met Foreign Minister Penny Wong of Australia in Putrajaya. "
            "They talked about trade. Anwar invited Australia to a showcase in September.")
    _, _, [meeting] = meetings(text, datetime.date(2025, 7, 11))
    assert (meeting.date.date, meeting.date.precision) == (datetime.date(2025, 7, 11), "day")


ATTENDED = (
    "President William Ruto received Foreign Minister Luis Gilberto Murillo of Colombia in Nairobi on Monday. "
    "The two sides discussed trade and security.\n\n"
    "The meeting was attended by Foreign Affairs Cabinet Secretary Musalia Mudavadi and "
    "Trade Cabinet Secretary Rebecca Miano."
)


def test_an_attendance_list_joins_the_meeting_it_follows():
    analysis, _, merged = meetings(ATTENDED)
    [meeting] = merged
    assert set(names(analysis, meeting)) == {"William Ruto", "Luis Gilberto Murillo", "Musalia Mudavadi",
                                             "Rebecca Miano"}


def test_an_attendance_list_after_a_meeting_of_unnamed_people_joins_no_earlier_one():
    text = ATTENDED.replace(
        "The meeting was attended by",
        "Separately, the two governments met yesterday in Mombasa on border trade.\n\nThose in attendance were")
    analysis, _, merged = meetings(text)
    assert ["William Ruto", "Luis Gilberto Murillo"] in [names(analysis, m) for m in merged]


def test_counterparts_are_no_one_government_whatever_is_assumed():
    analysis, _, merged = meetings(
        "Foreign Minister Park Jin held talks with his new counterpart, Yoko Kamikawa, in Japan on Thursday.")
    assert [names(analysis, m) for m in merged] == [["Park Jin", "Yoko Kamikawa"]]


def built(text, dateline=""):
    from events.extraction.pipeline import build_meetings

    analysis = analyse(text, dateline=dateline)
    return analysis, build_meetings(analysis, REFERENCE)


def test_the_city_of_a_sentence_reporting_talks_is_where_later_talks_are():
    _, found = built(
        "In the capital Jakarta, Foreign Minister Hakan Fidan held talks with Foreign Minister Retno Marsudi. "
        "Fidan also met Japanese Foreign Minister Yoshimasa Hayashi.")
    assert [m.city for m in found] == ["Jakarta", "Jakarta"]


def test_a_venue_abroad_outweighs_the_dateline():
    _, found = built(
        "ANKARA - Turkish Foreign Minister Hakan Fidan on Friday met Japanese Foreign Minister Yoshimasa Hayashi "
        "on the sidelines of the ASEAN meeting in Indonesia.\n\nFidan also met US Secretary of State Antony Blinken.",
        dateline="Ankara")
    assert {m.country for m in found} == {"ID"}


def test_the_two_officials_who_met_are_the_people_of_the_meeting_before():
    _, _, merged = meetings(
        "Kenyan Foreign Minister Monica Juma held talks with her Saudi counterpart Faisal bin Farhan on Sunday. "
        "The two officials met at the Foreign Ministry in Riyadh.")
    [meeting] = merged
    assert meeting.city == "Riyadh"


def test_talks_with_an_international_body_bring_in_no_one_from_the_sentence_before():
    analysis, _, merged = meetings(
        "President Javier Milei of Argentina spoke at the forum in Buenos Aires on Monday.\n\n"
        "Economy Minister Luis Caputo said talks with the IMF were moving forward.")
    assert [names(analysis, m) for m in merged if len(m.participants) >= 2] == []


def test_words_of_a_title_are_no_occasion():
    _, _, merged = meetings(
        "Turkish President Recep Tayyip Erdogan met with President of European Commission Ursula von der Leyen on "
        "the sidelines of the NATO summit in Vilnius on Wednesday.")
    [meeting] = merged
    assert meeting.occasion.name != "President of European Commission"


def test_attendees_of_a_meeting_held_in_a_participant_s_country_are_assumed_the_host_s():
    analysis = analyse(
        "Abu Dhabi: President Mohamed bin Zayed of the UAE received Turkish Defence Minister Hulusi Akar in Abu "
        "Dhabi on Monday.\n\n"
        "The meeting was attended by Minister of State Khalifa Shaheen Al Marar and Minister of State Zaki "
        "Nusseibeh.")
    build_meetings(analysis, REFERENCE)
    found = {p.name: p.country for p in analysis.people.persons}
    assert (found["Khalifa Shaheen Al Marar"], found["Zaki Nusseibeh"]) == ("AE", "AE")


def test_a_meeting_at_a_place_is_in_person():
    _, _, [meeting] = meetings("Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.")
    assert meeting.kind == "in_person"


def test_a_meeting_the_verb_leaves_open_is_the_call_a_later_sentence_describes():
    analysis, _, merged = meetings(
        "The Minister of Foreign Affairs, Ama Okafor, yesterday engaged his Canadian counterpart, Paul Tremblay, on "
        "bilateral issues.\n\n\"Had a very good phone call with Paul Tremblay,\" Okafor said.")
    assert [(m.kind, names(analysis, m)) for m in merged] == [("phone_call", ["Ama Okafor", "Paul Tremblay"])]


def test_attending_the_meeting_were_is_an_attendance_list():
    text = ATTENDED.replace("The meeting was attended by", "Attending the meeting were")
    analysis, _, merged = meetings(text)
    assert [set(names(analysis, m)) for m in merged] == [
        {"William Ruto", "Luis Gilberto Murillo", "Musalia Mudavadi", "Rebecca Miano"}]


def test_a_visit_at_another_time_moves_no_meeting_there():
    analysis = analyse(
        "Nairobi: President William Ruto on Thursday held talks with President Paul Kagame on the sidelines of the "
        "summit.\n\nThis was their first meeting since Kagame's visit to Accra last year and ahead of his proposed "
        "visit to Ghana in the coming months.\n\nRuto also met Prime Minister Abiy Ahmed.")
    merged = build_meetings(analysis, REFERENCE)
    assert {m.country for m in merged if len(m.participants) == 2} == {"KE"}


def test_leaders_whose_directives_a_meeting_follows_take_no_part():
    text = ("During a meeting in Amman on Monday, both ministers stressed cooperation that reflects the directives of "
            "His Majesty King Faisal and United Arab Emirates President Sheikh Hamad Bin Rashid Al Maktoum.")
    _, _, merged = meetings(text)
    assert all(len(m.participants) < 2 for m in merged)


def test_a_head_of_state_sharing_a_minister_s_given_name_is_someone_else():
    analysis = analyse("Foreign Minister Sheikh Hamad bin Rashid Al Maktoum met Prime Minister Omar Saleh. "
                       "King Hamad sent his greetings.")
    assert {p.name for p in analysis.people.persons} >= {"Hamad bin Rashid Al Maktoum", "Hamad"}


def test_a_caption_putting_two_people_together_places_their_meeting():
    text = ("Finance Minister Kim Min-su (right) poses for a photo with Chinese Ambassador Wu Lei in Seoul on Friday.\n\n"
            "Finance Minister Kim Min-su met with Chinese Ambassador Wu Lei on Friday to discuss economic ties.")
    analysis = analyse(text)
    found = build_meetings(analysis, REFERENCE)
    assert [m.place.city if m.place else None for m in found] == ["Seoul"]


def test_a_title_s_abbreviation_refers_back_to_its_holder():
    text = ("Kenyan Cabinet Secretary Ann Wanjiru held talks with Foreign Minister Omar Haddad in Amman on Sunday.\n\n"
            "Discussions focused on trade between the two nations.\n\n"
            "Meanwhile, CS Wanjiru paid a courtesy call on Dr Majid Saleh, Minister of Commerce of Jordan.\n\n"
            "They discussed ways of strengthening bilateral relations.\n\n"
            "In addition, the CS also held a bilateral meeting with Dr Sami Nasser, Vice Minister of Labour, in Amman.")
    analysis, _, merged = meetings(text)
    assert ["Ann Wanjiru", "Sami Nasser"] in [names(analysis, m) for m in merged]


def test_who_speaks_of_a_meeting_quoted_is_not_at_it():
    text = ('"President Musa Bello of Nigeria received Ghanaian President Kofi Mensah in State House on Sunday," '
            "the personal assistant to the president, Sani Garba, said.")
    analysis, _, merged = meetings(text)
    assert [names(analysis, m) for m in merged] == [["Musa Bello", "Kofi Mensah"]]


def test_those_named_after_an_unnamed_body_met_are_not_whom_one_met():
    text = ("Canadian Foreign Minister Ann Leblanc arrived in Washington on Tuesday and met with Mexican officials, "
            "who briefed her on the preliminary deal President Tom Baker announced Monday.")
    analysis, _, merged = meetings(text)
    assert all("Tom Baker" not in names(analysis, m) for m in merged)


def test_an_unnamed_body_met_then_who_of_it_keeps_them():
    text = ("Canadian Foreign Minister Ann Leblanc met with Chinese officials in Beijing on Tuesday, including Vice "
            "Premier He Wei.")
    analysis, _, merged = meetings(text)
    assert [names(analysis, m) for m in merged] == [["Ann Leblanc", "He Wei"]]


def test_the_owner_of_what_a_sentence_speaks_of_takes_no_part():
    text = ("EU Trade Commissioner Marek Novak met US Commerce Secretary Tom Baker in Washington on Tuesday, before "
            "President Jim Carter's announcement of the tariff plan.")
    analysis, _, merged = meetings(text)
    assert [names(analysis, m) for m in merged] == [["Marek Novak", "Tom Baker"]]


def test_the_people_of_someone_met_are_not_that_someone():
    text = ("EU Trade Commissioner Marek Novak met with the leading commercial authorities of US President Jim Carter "
            "in Washington on Tuesday.")
    analysis, _, merged = meetings(text)
    assert all("Jim Carter" not in names(analysis, m) for m in merged)


def test_an_earlier_meeting_built_on_takes_the_article_s_year_not_its_day():
    text = ("OTTAWA, July 15, 2025 - Today, Prime Minister Mark Dupont spoke with the President of Mexico, Ana Ruiz.\n\n"
            "The Prime Minister and the President discussed trade, building on their productive meeting at the G7 "
            "Summit in Kananaskis.")
    _, _, merged = meetings(text, datetime.date(2025, 7, 15))
    summit = next(m for m in merged if m.occasion is not None)
    assert (summit.date.date, summit.date.precision) == (datetime.date(2025, 1, 1), "year")
