"""Office titles: canonical title, kind, and the country the words give away."""
import pytest

from events.extraction.recognise.titles import find_titles


def only(text):
    titles = find_titles(text)
    assert len(titles) == 1, titles
    return titles[0]


def test_demonym_gives_the_country():
    title = only("Indonesian Foreign Minister Retno Marsudi arrived in Canberra.")
    assert (title.title, title.kind, title.country) == ("Foreign Minister", "foreign_minister", "ID")


def test_of_country_gives_the_country_and_belongs_to_the_title():
    text = "He met the Prime Minister of France in Paris."
    title = only(text)
    assert (title.title, title.country) == ("Prime Minister", "FR")
    assert text[title.start: title.end] == "Prime Minister of France"


def test_possessive_country_gives_the_country():
    title = only("Kenya's President William Ruto flew to Accra.")
    assert (title.title, title.kind, title.country) == ("President", "head_of_state", "KE")


def test_title_alone_has_no_country():
    assert only("Foreign Minister Penny Wong spoke.").country == ""


def test_lower_case_title_after_a_demonym_counts():
    title = only("The Australian defence minister Richard Marles spoke.")
    assert (title.title, title.kind, title.country) == ("Defence Minister", "defence_minister", "AU")


def test_abbreviation_in_capitals_is_a_title():
    title = only("PM Albanese flew to Wellington.")
    assert (title.title, title.kind) == ("Prime Minister", "head_of_government")


def test_abbreviation_in_lower_case_is_not_a_title():
    assert find_titles("The ministers met at 1:00 pm in Wellington.") == []


def test_vice_minister_for_foreign_affairs_is_kept_whole():
    text = "Takehiko Matsuo, Vice-Minister for Foreign Affairs of Peru, said so."
    title = only(text)
    assert title.title == "Vice-Minister for Foreign Affairs"
    assert title.country == "PE"
    assert text[title.start: title.end] == "Vice-Minister for Foreign Affairs of Peru"


def test_plural_title_is_marked_plural_and_canonical_singular():
    title = only("The Prime Ministers Albanese and Luxon met in Sydney.")
    assert (title.title, title.plural) == ("Prime Minister", True)


def test_singular_title_is_not_plural():
    assert only("Prime Minister Luxon met Albanese.").plural is False


@pytest.mark.parametrize("text", ["The minister said the talks went well.", "Ministers said little."])
def test_bare_lower_case_minister_says_nothing(text):
    assert find_titles(text) == []


def test_two_titles_in_one_sentence_in_order():
    titles = find_titles("President Lula received Chancellor Olaf Scholz and Foreign Minister Annalena Baerbock.")
    assert [t.title for t in titles][-1] == "Foreign Minister"
    assert [t.start for t in titles] == sorted(t.start for t in titles)
    assert len(titles) >= 2


def test_a_country_name_before_a_title_gives_the_country():
    title = only("Palau President Surangel Whipps Jr. arrived in Tokyo.")
    assert (title.title, title.kind, title.country) == ("President", "head_of_state", "PW")


def test_a_curly_possessive_gives_the_country():
    assert only("Ghana\u2019s President Nana Akufo-Addo spoke.").country == "GH"


def test_an_abbreviation_after_of_country_stays_in_the_title():
    text = "He met the Foreign Minister of United Arab Emirates (UAE) Sheikh Abdullah bin Zayed."
    title = only(text)
    assert (title.title, title.country) == ("Foreign Minister", "AE")
    assert text[title.end:].startswith(" Sheikh")


def test_a_portfolio_between_country_and_title_is_part_of_the_title():
    title = only("Turkey's Communications Director Fahrettin Altun attended.")
    assert (title.title, title.country) == ("Communications Director", "TR")


def test_a_portfolio_never_swallows_a_known_title():
    title = only("Japan's Prime Minister Fumio Kishida attended.")
    assert (title.title, title.kind, title.country) == ("Prime Minister", "head_of_government", "JP")


@pytest.mark.parametrize("text", [
    "IMF Managing Director Kristalina Georgieva arrived in Buenos Aires.",
    "NATO Secretary General Mark Rutte will visit Tallinn next week.",
    "The Chairperson of the Commission of the African Union, Moussa Faki Mahamat, flew to Addis Ababa.",
])
def test_a_title_of_a_body_without_a_country_is_international(text):
    title = only(text)
    assert (title.country, title.international) == ("", True)


def test_the_un_is_a_party_not_a_body_without_a_country():
    title = only("UN Secretary-General Antonio Guterres arrived in Tashkent.")
    assert (title.country, title.international) == ("UN", False)


def test_where_an_envoy_is_posted_is_not_whose_envoy():
    text = "He met Chinese Ambassador to South Korea Xing Haiming in Seoul."
    title = only(text)
    assert (title.title, title.country) == ("Ambassador", "CN")
    assert text[title.end:].startswith(" Xing Haiming")


@pytest.mark.parametrize("text, title, name", [
    ("Minister of International Relations and Cooperation Naledi Pandor addressed the council.",
     "Minister of International Relations and Cooperation", "Naledi Pandor"),
    ("Minister of Basic Education Angie Motshekga was sworn in on Tuesday.", "Minister of Basic Education",
     "Angie Motshekga"),
    ("Minister of Foreign Affairs and International Cooperation Abdoulaye Diop met the delegation.",
     "Minister of Foreign Affairs and International Cooperation", "Abdoulaye Diop"),
])
def test_a_portfolio_running_into_a_name_ends_before_it(text, title, name):
    found = only(text)
    assert found.title == title
    assert text[found.end:].strip().startswith(name)


def test_a_second_portfolio_without_comma_or_name_is_left_out():
    titles = find_titles("The Foreign Minister and Defence Minister Richard Marles met.")
    assert [t.title for t in titles] == ["Foreign Minister", "Defence Minister"]


@pytest.mark.parametrize("text, title, kind", [
    ("US Treasury Secretary Janet Yellen", "Treasury Secretary", "minister"),
    ("Vice Premier He Lifeng", "Vice Premier", "minister"),
    ("Chinese Premier Li Qiang", "Premier", "head_of_government"),
    ("German Interior Minister Nancy Faeser", "Interior Minister", "minister"),
    ("presidential spokesman Manuel Adorni", "Spokesman", "spokesperson"),
    ("US Secretary of Defense Lloyd Austin", "Secretary of Defense", "defence_minister"),
])
def test_a_government_s_own_title_is_kept_with_its_kind(text, title, kind):
    found = only(text)
    assert (found.title, found.kind) == (title, kind)


def test_a_word_on_when_the_holder_took_office_stays_inside_the_title():
    found = only("Park Jin held talks with Japan's new foreign minister on Thursday.")
    assert (found.title, found.country) == ("Foreign Minister", "JP")


@pytest.mark.parametrize("text, title", [
    ("Minister of Foreign Affairs Pekka Haavisto", "Minister of Foreign Affairs"),
    ("Keheliya Rambukwella, Minister of Ports, Shipping and Aviation", "Minister of Ports, Shipping and Aviation"),
    ("Manusha Nanayakkara, Minister of Labour and Foreign Employment", "Minister of Labour and Foreign Employment"),
])
def test_the_long_form_of_a_title_is_kept_as_the_government_writes_it(text, title):
    assert only(text).title == title


def test_a_list_of_portfolios_must_close_with_and():
    assert only("The Minister of Health, Tourism officials said.").title == "Minister of Health"


def test_a_body_with_its_abbreviation_makes_its_official_international():
    found = only("Luis Caputo met International Monetary Fund (IMF) Managing Director Kristalina Georgieva.")
    assert (found.title, found.international, found.country) == ("Managing Director", True, "")


@pytest.mark.parametrize("text, title, kind", [
    ("Minister of State for Railways Suresh Angadi", "Minister of State for Railways", "deputy_minister"),
    ("the Chairperson of the Commission of the African Union, Moussa Faki",
     "Chairperson of the Commission of the African Union", "senior_official"),
    ("UK Secretary of State for Defence Ben Wallace", "Secretary of State for Defence", "defence_minister"),
])
def test_a_known_office_keeps_the_complement_that_says_which_post(text, title, kind):
    found = only(text)
    assert (found.title, found.kind) == (title, kind)


def test_the_form_of_a_state_is_no_part_of_the_post():
    assert only("President of the Republic Emmanuel Macron").title == "President"


def test_a_bare_ambassador_after_an_office_is_a_style_not_a_second_post():
    text = "Cabinet Secretary Ambassador Grace Wambui received the delegation."
    [title] = find_titles(text)
    assert (title.title, text[title.end:].split()[0]) == ("Cabinet Secretary", "Grace")


def test_an_ambassador_of_his_own_stays_a_post():
    assert [t.title for t in find_titles("He met Ambassador Tom Wills and Foreign Minister Ana Sol.")] == [
        "Ambassador", "Foreign Minister"]


def test_a_second_title_after_and_is_not_more_of_the_first_portfolio():
    titles = find_titles("Deputy Prime Minister and Minister for Trade Ana Lopes will act as Prime Minister.")
    assert [t.title for t in titles][:2] == ["Deputy Prime Minister", "Minister for Trade"]


def test_advisers_are_offices_spelt_as_the_government_spells_them():
    titles = find_titles("Chief Adviser Nur Rahman met Omar Saleh, Diplomatic Advisor to the Emirati leadership.")
    assert [t.title for t in titles] == ["Chief Adviser", "Diplomatic Advisor"]


def test_an_adviser_to_a_country_s_president_is_of_that_country():
    [title] = find_titles("Omar Saleh, Diplomatic Advisor to the UAE President, attended.")
    assert (title.title, title.country) == ("Diplomatic Advisor", "AE")


def test_an_ambassador_to_a_country_is_not_of_that_country():
    [title] = find_titles("Ambassador to Japan Tom Wills attended.")
    assert title.country == ""


def test_state_counsellor_is_an_office():
    title = find_titles("State Counsellor Khin Mya received the envoy on Monday.")[0]
    assert (title.title, title.kind) == ("State Counsellor", "head_of_government")


def test_a_title_starts_a_word():
    assert find_titles("Chile welcomed Peru's backing of the Andean Community's plan.") == []


@pytest.mark.parametrize("text", [
    "He was accompanied by intelligence service chief Omar Nabil.",
    "The country's spy chief Omar Nabil was also present.",
])
def test_an_intelligence_chief_is_an_office(text):
    assert [t.title for t in find_titles(text)] == ["Intelligence Chief"]


@pytest.mark.parametrize("text, title", [
    ("Ghana's Charge d'Affaires to Nigeria, Ms Ama Owusu, was summoned.", "Chargé d'Affaires"),
    ("The Chargé d\u2019Affaires of France, Paul Martin, attended.", "Chargé d'Affaires"),
    ("Boudh MLA Ravi Kumar Das and senior officials were present.", "Member of the Legislative Assembly"),
])
def test_a_charge_d_affaires_and_a_legislator_are_offices(text, title):
    assert [t.title for t in find_titles(text)] == [title]


@pytest.mark.parametrize(("text", "country"), [
    ("Femke van Dijk, the Netherlands' foreign minister, spoke.", "NL"),
    ("The Philippines\u2019 President Ana Cruz spoke.", "PH"),
])
def test_a_possessive_apostrophe_alone_after_an_s_gives_the_country(text, country):
    assert only(text).country == country
