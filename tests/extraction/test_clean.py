"""The clean stage on page furniture and datelines. Invented articles: the rules must not depend on the samples."""
import datetime

import pytest

from events.extraction.text.clean import Cleaned, clean
from events.extraction.text.dates import parse_date_text, parse_month_day

BODY = (
    "The foreign ministers of Chile and Norway met in Santiago on Tuesday and agreed to deepen cooperation on "
    "renewable energy and fisheries, officials said."
)
SECOND = "The two sides also discussed a free trade agreement that could be signed by the end of the year, they said."


def test_returns_frozen_dataclass():
    cleaned = clean(BODY)
    assert isinstance(cleaned, Cleaned)
    with pytest.raises(AttributeError):
        cleaned.text = ""  # type: ignore[misc]


def test_plain_body_is_kept_as_is():
    assert clean(f"{BODY}\n{SECOND}") == Cleaned(text=f"{BODY}\n{SECOND}", title="", published=None)


def test_curly_quotes_and_apostrophes_become_straight():
    text = clean("Norway\u2019s minister said \u201cwe agree\u201d and \u2018soon\u2019.").text
    assert text == "Norway's minister said \"we agree\" and 'soon'."


def test_odd_spaces_become_one_space_and_line_breaks_stay():
    text = clean("The\u00a0Prime  Minister\u2009of\tPeru\u202fspoke.\n\nHe left.").text
    assert text == "The Prime Minister of Peru spoke.\n\nHe left."


def test_zero_width_characters_are_removed():
    assert clean("Ka\u200bzakh\u00adstan signed.").text == "Kazakhstan signed."


def test_en_dash_between_words_becomes_hyphen():
    assert clean("Chile\u2013Norway ties, 2020 \u2013 2024.").text == "Chile-Norway ties, 2020 \u2013 2024."


def test_runs_of_blank_lines_collapse_to_one():
    assert clean(f"{BODY}\n\n\n\n{SECOND}").text == f"{BODY}\n\n{SECOND}"


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"])
def test_advertisement_lines_are_dropped(line):
    assert clean(f"{BODY}\n{line}\n{SECOND}").text == f"{BODY}\n{SECOND}"


@pytest.mark.parametrize("line", ["[Source photo: Jane Roe]", "Photo: Reuters", "(Image: AFP)", "Photo credit: PTI",
                                  "File photo"])
def test_photo_credit_lines_are_dropped(line):
    assert clean(f"{BODY}\n{line}\n{SECOND}").text == f"{BODY}\n{SECOND}"


def test_inline_photo_credit_is_removed_from_the_paragraph():
    assert clean(f"{BODY} (Photo: AP)\n{SECOND}").text == f"{BODY}\n{SECOND}"


@pytest.mark.parametrize("line", ["(With Inputs from ANI)", "With inputs from agencies",
                                  "Reporting by Jane Roe in Lima; Editing by John Doe"])
def test_agency_credit_lines_are_dropped(line):
    assert clean(f"{BODY}\n{SECOND}\n{line}").text == f"{BODY}\n{SECOND}"


def test_trailing_agency_credit_in_a_paragraph_is_removed():
    assert clean(f"{BODY}\n{SECOND} (With inputs from PTI)").text == f"{BODY}\n{SECOND}"


@pytest.mark.parametrize("line", ["Share", "Facebook Twitter WhatsApp Email", "Share this article",
                                  "Follow us on Google News", "Subscribe to our newsletter", "5 min read"])
def test_share_and_subscribe_lines_are_dropped(line):
    assert clean(f"{BODY}\n{line}\n{SECOND}").text == f"{BODY}\n{SECOND}"


@pytest.mark.parametrize("line", ["• | 1:00 pm", "11:54 IST, November 26th 2019", "Updated: Aug 20, 2024 10:15 AM",
                                  "2024-08-20T10:00:00Z"])
def test_bare_timestamp_lines_are_dropped(line):
    assert clean(f"{BODY}\n{line}\n{SECOND}").text == f"{BODY}\n{SECOND}"


@pytest.mark.parametrize("heading", ["You may also like", "More Top Stories:", "Related", "Recommended for you",
                                     "Also read", "Trending now"])
def test_other_stories_heading_and_the_headlines_after_it_are_dropped(heading):
    page = (f"{BODY}\n{SECOND}\n{heading}\nFloods cut off three villages in the north\n"
            "Local team wins the cup after a decade: what we know\nMarkets close higher on tech gains")
    assert clean(page).text == f"{BODY}\n{SECOND}"


def test_headlines_list_under_heading_goes_even_with_a_teaser_sentence():
    page = (f"{BODY}\nYou may also like\nFloods cut off three villages\nRescue teams reached the area today.\n"
            "Markets close higher\nSports: the final is on Sunday")
    assert clean(page).text == BODY


def test_inline_also_read_line_goes_alone_and_the_article_continues():
    page = f"{BODY}\nAlso Read: Ministers to meet again in March\n{SECOND}"
    assert clean(page).text == f"{BODY}\n{SECOND}"


def test_heading_box_inside_the_article_does_not_cut_the_rest():
    third = "Both ministers will meet again next year in Oslo to review the progress of the agreement, they said."
    page = f"{BODY}\nRelated\nMinisters to meet again in March\n{SECOND}\n{third}"
    assert clean(page).text == f"{BODY}\n{SECOND}\n{third}"


def test_prose_starting_with_a_heading_word_is_kept():
    line = "Related talks were held in Oslo last week between the two delegations, the ministry said."
    assert clean(f"{BODY}\n{line}").text == f"{BODY}\n{line}"


def test_byline_under_the_headline_is_dropped():
    cleaned = clean(f"Chile and Norway agree energy pact\nBy Jane Roe | Lima\n{BODY}\n{SECOND}")
    assert cleaned.text == f"{BODY}\n{SECOND}"


def test_headline_is_taken_and_removed_from_the_body():
    cleaned = clean(f"Chile and Norway agree to deepen energy ties\n{BODY}\n{SECOND}")
    assert (cleaned.title, cleaned.text) == ("Chile and Norway agree to deepen energy ties", f"{BODY}\n{SECOND}")


def test_repeated_headline_is_dropped_from_the_body():
    title = "Chile and Norway agree to deepen energy ties"
    cleaned = clean(f"{title}\n\n{title}\n{BODY}")
    assert (cleaned.title, cleaned.text) == (title, BODY)


def test_no_headline_when_the_text_opens_with_prose():
    assert clean(f"{BODY}\n{SECOND}").title == ""


def test_no_headline_from_a_single_line():
    assert clean("Chile and Norway agree to deepen energy ties").title == ""


# --- publication dates --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "expected"), [
    ("Published 13:37 IST, November 26th 2019", datetime.date(2019, 11, 26)),
    ("Updated: Aug 20, 2024 10:15 AM", datetime.date(2024, 8, 20)),
    ("20 August 2024", datetime.date(2024, 8, 20)),
    ("2024-08-20T10:00:00Z", datetime.date(2024, 8, 20)),
    ("Posted on Monday, March 3, 2025", datetime.date(2025, 3, 3)),
])
def test_publication_date_from_a_header_line(header, expected):
    cleaned = clean(f"{header}\nChile and Norway agree to deepen energy ties\n{BODY}")
    assert cleaned.published == expected
    assert header not in cleaned.text


@pytest.mark.parametrize("header", [
    "Written by Jane Roe | Lima | Updated: August 20, 2024 10:15 IST",
    "August 20, 2024 / 10:15 AM / Updated 2 hours ago",
    "By Jane Roe | Aug 20, 2024 | 3 min read",
])
def test_publication_date_from_a_header_line_of_several_items(header):
    cleaned = clean(f"Chile and Norway agree to deepen energy ties\n{header}\n{BODY}")
    assert (cleaned.published, cleaned.text) == (datetime.date(2024, 8, 20), BODY)


def test_relative_time_line_is_dropped_and_dates_nothing():
    cleaned = clean(f"Chile and Norway agree to deepen energy ties\nUpdated 2 hours ago\n{BODY}")
    assert (cleaned.published, cleaned.text) == (None, BODY)


def test_short_line_of_names_with_bars_is_not_header_furniture():
    cleaned = clean(f"{BODY}\nChile | Norway\n{SECOND}")
    assert cleaned.text == f"{BODY}\nChile | Norway\n{SECOND}"


def test_published_stamp_wins_over_updated_stamp():
    cleaned = clean(f"Updated: 22 August 2024\nPublished: 20 August 2024\n{BODY}")
    assert cleaned.published == datetime.date(2024, 8, 20)


def test_leading_labelled_stamp_and_feed_credit_are_stripped_from_the_first_paragraph():
    cleaned = clean(f" date 2025-03-04 FEEDCO - XNA) Lima, Mar 4 (XNA) {BODY}")
    assert (cleaned.published, cleaned.dateline, cleaned.text) == (datetime.date(2025, 3, 4), "Lima", BODY)


def test_dateline_with_agency_and_dash():
    cleaned = clean(f"OSLO, Aug 20, 2024 (Reuters) - {BODY}")
    assert (cleaned.published, cleaned.dateline, cleaned.text) == (datetime.date(2024, 8, 20), "OSLO", BODY)


def test_dateline_without_year_takes_the_year_of_another_header_date():
    cleaned = clean(f"Updated: 21 August 2024\nNEW DELHI, Aug 20 (Reuters) - {BODY}")
    assert cleaned.published == datetime.date(2024, 8, 20)


def test_dateline_without_year_before_new_year_takes_the_previous_year():
    cleaned = clean(f"Updated: 2 January 2025\nNEW DELHI, Dec 31 (Reuters) - {BODY}")
    assert cleaned.published == datetime.date(2024, 12, 31)


def test_dateline_without_year_and_no_other_date_gives_no_date():
    cleaned = clean(f"NEW DELHI, Aug 20 (Reuters) - {BODY}")
    assert (cleaned.published, cleaned.dateline, cleaned.text) == (None, "NEW DELHI", BODY)


def test_press_release_wire_dateline():
    cleaned = clean(f"WASHINGTON, Aug. 20, 2024 /PRNewswire/ -- {BODY}")
    assert (cleaned.published, cleaned.dateline, cleaned.text) == (datetime.date(2024, 8, 20), "WASHINGTON", BODY)


def test_capitals_dateline_with_colon():
    assert clean(f"NEW DELHI: {BODY}").dateline == "NEW DELHI"


def test_title_case_word_with_colon_is_not_a_dateline():
    line = "Norway: the minister said the two countries would sign a fisheries agreement next year."
    assert clean(line).dateline == "" and clean(line).text == line


def test_bar_dateline_gives_the_place_and_no_date():
    cleaned = clean(f"Santiago | {BODY}")
    assert (cleaned.published, cleaned.dateline, cleaned.text) == (None, "Santiago", BODY)


def test_agency_dateline_with_em_dash():
    cleaned = clean(f"BUENOS AIRES (AP) \u2014 {BODY}")
    assert (cleaned.dateline, cleaned.text) == ("BUENOS AIRES", BODY)


def test_footer_timestamp_gives_the_date_when_the_header_has_none():
    cleaned = clean(f"{BODY}\n{SECOND}\n(With Inputs from ANI)\n09:12 GMT, March 5th 2023")
    assert (cleaned.published, cleaned.text) == (datetime.date(2023, 3, 5), f"{BODY}\n{SECOND}")


def test_narrative_date_is_not_a_publication_date():
    line = "The ministers met in Santiago on August 20, 2024, and signed a memorandum on fisheries, officials said."
    assert clean(f"Chile and Norway sign fisheries memorandum\n{line}\n{SECOND}").published is None


def test_parenthesised_date_in_the_first_paragraph_is_not_a_publication_date():
    line = "The minister's first visit to Peru on Wednesday (November 27, 2024) reinforced the relationship."
    assert clean(f"{line}\n{SECOND}").published is None


def test_narrative_sentence_starting_with_a_date_is_not_a_publication_date():
    line = "20 August 2024 was the day the two countries signed the treaty after years of talks, they said."
    assert clean(f"{line}\n{SECOND}").published is None


def test_timestamp_of_another_story_after_a_heading_is_not_the_publication_date():
    page = f"{BODY}\n{SECOND}\nMore Top Stories\nFloods cut off three villages\n10:00 IST, March 1st 2021"
    assert clean(page).published is None


def test_date_in_a_mid_article_line_is_not_taken():
    lines = [BODY, SECOND, SECOND, SECOND, SECOND, SECOND, SECOND, "20 August 2024", SECOND, SECOND, SECOND, SECOND]
    assert clean("\n".join(lines)).published is None


# --- parse_date_text ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("November 26th 2019", datetime.date(2019, 11, 26)),
    ("Aug. 20, 2024", datetime.date(2024, 8, 20)),
    ("Sept 3 2021", datetime.date(2021, 9, 3)),
    ("26th of November, 2019", datetime.date(2019, 11, 26)),
    ("20 august 2024", datetime.date(2024, 8, 20)),
    ("2024-08-20", datetime.date(2024, 8, 20)),
    ("2024-08-20T23:30:00+05:30", datetime.date(2024, 8, 20)),
    ("Monday, Aug 19, 2024 10:15 AM", datetime.date(2024, 8, 19)),
    ("20-08-2024", datetime.date(2024, 8, 20)),
    ("20.08.2024", datetime.date(2024, 8, 20)),
    ("08/20/2024", datetime.date(2024, 8, 20)),
    ("20/08/2024", datetime.date(2024, 8, 20)),
])
def test_parse_date_text_reads_english_and_iso_dates(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["", "Aug 20", "February 30, 2024", "next Monday", "met on August 20, 2024",
                                  "2024", "05/08/2024"])
def test_parse_date_text_refuses_what_is_not_one_full_date(text):
    assert parse_date_text(text) is None


def test_parse_month_day_reads_a_date_without_year():
    assert (parse_month_day("Nov 23"), parse_month_day("23rd November"), parse_month_day("Feb 30")) == (
        (11, 23), (11, 23), None)


def test_two_stamps_run_together_are_both_header():
    cleaned = clean("Menu Content\n\nWritten: 2023-09-22 09:58:01Updated: 2023-09-23 10:02:20\n\n"
                    "Ministers Meet in New York\n\nThe two ministers met on Thursday.")
    assert cleaned.published == datetime.date(2023, 9, 22)
    assert "Updated" not in cleaned.text and "09:58" not in cleaned.text


def test_a_stamp_in_a_south_asian_time_zone_is_furniture():
    cleaned = clean("Bangladesh Signs Six Deals\nStaff Correspondent\n"
                    f"Published: 20 Mar 2021 03:25 PM BdST Updated: 20 Mar 2021 03:25 PM BdST\n{BODY}")
    assert cleaned.published == datetime.date(2021, 3, 20)
    assert "BdST" not in cleaned.text and cleaned.text.endswith(BODY)
