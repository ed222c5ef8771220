"""Clean stage: from an article as saved from a news page to its body, headline, publication date and dateline.

Pure: text in, `Cleaned` out. Pages differ, but their furniture has a small set of shapes (an "Advertisement"
line, a "You may also like" list of unrelated headlines, photo credits, bare timestamps, agency credits, share
buttons), and so do the places that carry a publication date (a labelled timestamp in the header, a dateline
opening the first paragraph, a timestamp closing the page). Every rule below is about such a shape, never about
a particular outlet's words, so that it holds on articles nobody here has seen.

The publication date is taken only from those positions: a date inside the narrative ("talks held on August 20,
2024") is what the article reports, not when it was published.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from events.extraction.text.dates import (
    FULL_DATE,
    MONTH_DAY,
    TIME,
    TIMEZONE,
    WEEKDAY,
    parse_date_text,
    parse_month_day,
)


@dataclass(frozen=True)
class Cleaned:
    text: str  # the article body: furniture, headline and dateline removed; paragraphs one a line
    title: str = ""  # the headline, when the text opens with one
    published: datetime.date | None = None
    # The place a dateline names ("NEW DELHI, Aug 20 (Reuters) -" -> "NEW DELHI"), removed from the text: where
    # the reporter filed from, often the venue of what the first paragraph reports.
    dateline: str = ""


# --- characters -------------------------------------------------------------------------------------------------

# Typographic variants of the same character: recognisers then need to know one apostrophe, one space.
_CHARACTERS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u205f": " ", "\u3000": " ", "\t": " ", "\v": " ", "\f": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    "\u2028": "\n", "\u2029": "\n",
    "\u2010": "-", "\u2011": "-", "\u2012": "-",
})
# "India/Japan" written with an en dash is the hyphenated compound "India-Japan": one form for the recognisers.
_EN_DASH_IN_WORD = re.compile(r"(?<=\w)\u2013(?=\w)")
_SPACE_RUN = re.compile(r" {2,}")

# --- furniture: whole lines that are not part of the article ----------------------------------------------------

_ADVERT = re.compile(
    r"^(?:advertisements?|advert|sponsored(?: content)?|ad|story continues below(?: this)?(?: advertisement| ad)?"
    r"|continue reading(?: below)?|scroll (?:down )?to continue(?: with content)?|skip (?:to content|ad|advertisement))"
    r"[.:]?$",
    re.IGNORECASE,
)
# A row of share buttons rendered as text: "Share", "Facebook Twitter WhatsApp", "Email | Print".
_SHARE_BUTTONS = re.compile(
    r"^(?:(?:share(?: this(?: article| story| post)?)?(?: on)?|facebook|twitter|whatsapp|linkedin|telegram|reddit"
    r"|pinterest|e-?mail|print|copy link|copy url|comments?|tweet|x)(?:\s*[|•·,/:]\s*|\s+|$))+$",
    re.IGNORECASE,
)
# Calls to action: short lines that start by asking the reader to do something other than read.
_CALL_TO_ACTION = re.compile(
    r"^(?:follow us|subscribe|sign up|join (?:us|our)|download (?:the |our )?app|get the app|click here"
    r"|listen to (?:this|the) (?:article|story)|read in app|get (?:the )?latest news)\b.{0,100}$",
    re.IGNORECASE,
)
# Photo credits and captions: "[Source photo: X]", "Photo: X", "(Image: X)", "Picture courtesy X", "File photo".
_PHOTO_CREDIT = re.compile(
    r"^[\[(]?\s*(?:source\s+)?(?:file\s+)?(?:photo(?:graph)?|image|picture|pic|representative image"
    r"|representational image|video)s?(?:\s+credits?)?\s*(?:(?:[:|]|\bcourtesy\b|\bby\b|-\s).*)?$"
    r"|^credits?\s*:.*$",
    re.IGNORECASE,
)
_INLINE_PHOTO_CREDIT = re.compile(
    r"\s*[\[(]\s*(?:source\s+)?(?:file\s+)?(?:photo(?:graph)?|image|picture|pic)s?(?:\s+credits?)?\s*[:|][^\])\n]*[\])]",
    re.IGNORECASE,
)
# Who supplied or edited the copy: "(With Inputs from ANI)", "Reporting by X; Editing by Y".
_CREDIT_WORDS = (
    r"(?:with (?:agency )?inputs? from|inputs? from|with agency inputs|(?:additional )?reporting by|writing by"
    r"|editing by|edited by|written by|compiled by)"
)
_AGENCY_CREDIT = re.compile(rf"^\(?\s*{_CREDIT_WORDS}\b.{{0,160}}$", re.IGNORECASE)
_TRAILING_AGENCY_CREDIT = re.compile(rf"\s*\(\s*{_CREDIT_WORDS}\b[^)]*\)\s*$", re.IGNORECASE)
# Syndication notes and legal lines that feeds append to every story.
_FEED_NOTE = re.compile(
    r"^\(?(?:this (?:story|article|report|copy) (?:has not been|was not|is|was|has been) (?:edited|auto-generated"
    r"|published|generated)|disclaimer\s*:|copyright\b|©|\(c\)\s*\d{4}).*$|^.*\ball rights reserved\.?\)?$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^(?:tags?|topics?|filed under)\s*:.*$", re.IGNORECASE)
_READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.?\s+read$", re.IGNORECASE)
# "Updated 2 hours ago": a time relative to when the page was saved, which dates nothing.
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:last\s+)?(?:updated|posted|published)\s*:?\s*)?(?:\d+|an?)\s*"
    r"(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month)s?\.?\s+ago$",
    re.IGNORECASE,
)
# Header lines that pack several items: "Written by Jane Roe | New Delhi | Updated: August 20, 2024 10:15 IST".
# "Written: 2023-09-22 09:58:01Updated: 2023-09-22 10:02:20": two stamps run together with no space.
_HEADER_SEPARATOR = re.compile(r"\s+[|/•·]\s+|\s*\|\s*|(?<=\d)(?=(?:Written|Updated|Published|Posted|Modified)\b)")
# A place or outlet name between the items of such a line: a few capitalised words.
_SHORT_NAME = re.compile(r"^[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3}$")
# "By Jane Doe" or "By Jane Doe | Outlet" under a headline. Names are capitalised: "By doing so, ..." is prose.
_BYLINE = re.compile(
    r"^(?i:by)\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|&|de|van|von|bin|al))*(?:\s*[,|/•]\s*[^.]{0,60})?$"
)

# --- headings after which the page lists other stories ----------------------------------------------------------

_OTHER_STORIES_HEADING = re.compile(
    r"^(?:you (?:may|might) also like|also read|read also|read more|more top stories|top stories|more stories"
    r"|more (?:from|on|in) [\w&' -]{1,40}|related(?: articles| stories| news| posts| coverage| links| topics)?"
    r"|recommended(?: for you| stories| articles| videos)?|must read|don'?t miss|trending(?: now| news| stories)?"
    r"|latest(?: news| stories)|most (?:read|popular|viewed)|popular stories|in other news|what to read next"
    r"|read next|up next)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_HEADING_SEPARATOR = re.compile(r"^[:|\-\u2013\u2014»>]+\s*")

# --- timestamps and datelines ----------------------------------------------------------------------------------

_STAMP_LABEL = (r"(?:first\s+)?(?:published|updated|last\s+updated|posted|modified|date[d]?|created|written)"
                r"(?:\s+(?:on|at))?")
# What may surround a date in a timestamp line: weekday, time, zone, separators ("• | 1:00 pm").
_STAMP_DECORATION = re.compile(
    rf"(?:{WEEKDAY}|{TIME}|{TIMEZONE}|\bat\b|\bon\b|[\s,|•·/()\u2013\u2014:-])+", re.IGNORECASE
)
_STAMP_LABEL_PREFIX = re.compile(rf"^[\s•·|]*(?P<label>{_STAMP_LABEL})\b\s*:?", re.IGNORECASE)
_FULL_DATE = re.compile(FULL_DATE, re.IGNORECASE)
_TIME = re.compile(TIME, re.IGNORECASE)
_DIGIT = re.compile(r"\d")  # any digit, as TIME's \d reads them
# Timestamp lines are short; the limit also keeps the decoration regex away from long paragraphs.
_STAMP_MAX_LENGTH = 90
# A labelled timestamp opening a paragraph: "date 2025-11-23 <rest of the first paragraph>".
_LEADING_STAMP = re.compile(
    rf"^(?P<label>{_STAMP_LABEL})\b\s*:?\s*(?P<date>{FULL_DATE})(?:\s*,?\s*{TIME}(?:\s*{TIMEZONE})?)?\s*[|•·,-]?\s+",
    re.IGNORECASE,
)
# Feed aggregators put "<Feed> - <Agency>)" between their date header and the story.
_SYNDICATION_CREDIT = re.compile(r"^[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)?\s*[-\u2013\u2014]\s*[A-Z][\w&.]*\)\s+")

# Datelines open the first paragraph with the filing place, then a date and/or the agency, then the story:
# "NEW DELHI, Aug 20 (Reuters) - ...", "Tokyo, August 20, 2024 - ...", "BEIJING (AP) -- ...", "New Delhi | ...".
_PLACE = r"(?P<place>[A-Z][A-Za-z.'-]*(?:\s+(?:[A-Z][A-Za-z.'-]*|of|de|da|del|la|el|al|es)){0,3})"
# "(Reuters)", and press-release wires' "/PRNewswire/".
_AGENCY = r"(?:\((?P<agency>[A-Z][\w.&' /-]{0,30})\)|/(?P<wire>[A-Z][\w.&' -]{0,30})/)"
_DASH = r"(?:[-\u2013\u2014]+|:)"
_DATELINES = (
    re.compile(rf"^{_PLACE},\s*(?:(?i:{WEEKDAY}),?\s*)?(?P<date>(?i:{FULL_DATE}|{MONTH_DAY}))\s*(?:{_AGENCY})?"
               rf"\s*{_DASH}?\s*"),
    re.compile(rf"^{_PLACE}\s*{_AGENCY}\s*{_DASH}\s*"),
    re.compile(rf"^{_PLACE}\s*\|\s*"),
    # Without a date or an agency only the all-capitals form is a dateline: "Japan: talks..." is prose.
    re.compile(r"^(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})\s*" + _DASH + r"\s+"),
    # A syndicated credit in brackets: "ABU DHABI, (UrduPoint / Pakistan Point News / WAM - 02nd May, 2021) ...".
    re.compile(r"^(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}),?\s*\((?P<credit>[^()\n]{2,80})\)\s*"
               + _DASH + r"?\s*"),
    # Agencies of the former Soviet states: "NUR-SULTAN. KAZINFORM ...", "TASHKENT. UZA ...".
    re.compile(r"^(?P<place>[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){0,3})\.\s+(?P<agency>[A-Z]{2,}(?:-[A-Z]{2,})?)\s+"),
)
# A dateline is followed by the story's first sentence, not by a fragment.
_MIN_WORDS_AFTER_DATELINE = 6

# How far into the page a header (timestamps, bylines, headline) can reach, and how far from the end a footer.
_HEADER_LINES = 6
_FOOTER_LINES = 3


# Which header date is the publication date when a page shows several.
class _Rank:
    PUBLISHED = 0  # a "Published"/"Posted"/"date" stamp or a bare one in the header
    DATELINE = 1
    UPDATED = 2
    FOOTER = 3


def clean(text: str) -> Cleaned:
    """The article's body, headline, publication date and dateline place, from text as saved from a page."""
    lines = _normalise(text)
    lines = _drop_other_stories(lines)
    candidates: list[tuple[int, datetime.date]] = []

    # Lines the header and dateline steps remove become None, so that no paragraph break appears in their place.
    kept, title = _header(lines, candidates)
    kept, dateline, month_day = _dateline(kept, candidates)
    _footer(kept, candidates)
    body = [line for line in kept if line is not None and (line == "" or not _is_furniture(line))]

    if month_day is not None and candidates:
        dated = _date_with_year(month_day, min(candidates, key=lambda candidate: candidate[0])[1])
        if dated is not None:
            candidates.append((_Rank.DATELINE, dated))
    published = min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None
    return Cleaned(text=_join(body), title=title, published=published, dateline=dateline)


def _normalise(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CHARACTERS)
    text = _EN_DASH_IN_WORD.sub("-", text)
    lines = []
    for raw in text.split("\n"):
        line = _SPACE_RUN.sub(" ", raw).strip()
        if not line:
            lines.append(line)
            continue
        line = _INLINE_PHOTO_CREDIT.sub("", line)
        line = _TRAILING_AGENCY_CREDIT.sub("", line).strip()
        if line:  # a line that was only a credit leaves no paragraph break behind
            lines.append(line)
    return lines


def _join(lines: list[str]) -> str:
    """One paragraph a line; a blank line kept where the page had one, never two in a row."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _words(line: str) -> int:
    return len(line.split())


def _is_body_like(line: str) -> bool:
    """A paragraph of prose rather than a headline, heading or label."""
    end = line.rstrip("\"')]")
    return _words(line) > 30 or (end.endswith(".") and _words(line) >= 8)


def _is_headline_like(line: str) -> bool:
    return 2 <= _words(line) <= 30 and not line.rstrip("\"')]").endswith((".", ",", ";", ":")) and not _is_body_like(
        line
    )


def _is_furniture(line: str) -> bool:
    return bool(
        _ADVERT.match(line)
        or _SHARE_BUTTONS.match(line)
        or _CALL_TO_ACTION.match(line)
        or _PHOTO_CREDIT.match(line)
        or _AGENCY_CREDIT.match(line)
        or _FEED_NOTE.match(line)
        or _TAGS.match(line)
        or _READ_TIME.match(line)
        or _RELATIVE_STAMP.match(line)
        or _stamp(line) is not None
    )


def _drop_other_stories(lines: list[str]) -> list[str]:
    """Remove "You may also like"-style headings and the other stories' headlines listed under them.

    A heading with a headline on its own line ("Also read: <headline>") goes alone. A heading alone on its line
    takes what follows: everything, when most of what follows is headlines (a list closing the page), else only
    the headlines up to where the prose resumes (a box inside the article).
    """
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _OTHER_STORIES_HEADING.match(line)
        if match is None or _is_body_like(line):
            out.append(line)
            index += 1
            continue
        rest = match["rest"].strip()
        if rest and not _HEADING_SEPARATOR.match(rest):
            out.append(line)  # prose that happens to start with the words: "Related talks were held..."
            index += 1
            continue
        index += 1
        if _HEADING_SEPARATOR.sub("", rest, count=1).strip():
            continue  # "Also read: <headline>"
        following = [rest for rest in lines[index:] if rest]
        headlines = sum(1 for rest in following if not _is_body_like(rest))
        if headlines * 2 >= len(following):
            break
        while index < len(lines) and not _is_body_like(lines[index]):
            index += 1
    return out


def _stamp(line: str) -> tuple[int, datetime.date | None] | None:
    """(rank, date) when the whole line is a timestamp ("Updated: Aug 20, 2024 10:15 AM", "• | 1:00 pm"), else None.

    The date is None for a time-only stamp.
    """
    if not line or len(line) > _STAMP_MAX_LENGTH or _DIGIT.search(line) is None:
        return None  # a date or a time has digits: a line of words (most of the page) is no stamp
    rank = _Rank.PUBLISHED
    label = _STAMP_LABEL_PREFIX.match(line)
    if label:
        rank = _label_rank(label["label"])
        line = line[label.end():]
    found = _FULL_DATE.search(line)
    rest = line if found is None else line[: found.start()] + " " + line[found.end():]
    if _STAMP_DECORATION.sub("", rest):
        return None
    if found is not None:
        return rank, parse_date_text(found.group(0))
    if _TIME.search(line):
        return rank, None
    return None


def _header(lines: list[str], candidates: list[tuple[int, datetime.date]]) -> tuple[list[str | None], str]:
    """Drop header timestamps and bylines (noting their dates), strip a leading stamp, take the headline."""
    kept: list[str | None] = list(lines)
    seen = 0
    title = ""
    for index, line in enumerate(lines):
        if not line:
            continue
        if seen >= _HEADER_LINES:
            break
        seen += 1
        stamp = _stamp(line)
        if stamp is not None:
            if stamp[1] is not None:
                candidates.append((stamp[0], stamp[1]))
            kept[index] = None
            continue
        packed = _packed_header(line)
        if packed is not None:
            candidates.extend(packed)
            kept[index] = None
            continue
        if (_BYLINE.match(line) and _words(line) <= 12) or _is_furniture(line):
            kept[index] = None
            continue
        leading = _LEADING_STAMP.match(line)
        if leading:
            found = parse_date_text(leading["date"])
            if found is not None:
                candidates.append((_label_rank(leading["label"]), found))
            line = _SYNDICATION_CREDIT.sub("", line[leading.end():], count=1)
            kept[index] = line
        if not title and _is_headline_like(line) and _match_dateline(line) is None and any(lines[index + 1:]):
            title = line
            kept[index] = None
            continue
        if _is_body_like(line):
            break
    if title:
        # Pages often repeat the headline above the picture: the copy is not part of the body.
        kept = [None if line is not None and line.casefold() == title.casefold() else line for line in kept]
    return kept, title


def _packed_header(line: str) -> list[tuple[int, datetime.date]] | None:
    """The dates of a header line made of several items (byline, place, timestamps, reading time), or None when
    the line is not one. At least one item must be a byline or a timestamp: "Chile | Norway" alone could be prose."""
    segments = [segment for segment in _HEADER_SEPARATOR.split(line) if segment]
    if len(segments) < 2 or len(line) > 3 * _STAMP_MAX_LENGTH:
        return None
    dates: list[tuple[int, datetime.date]] = []
    anchored = False
    for segment in segments:
        stamp = _stamp(segment)
        if stamp is not None:
            anchored = True
            if stamp[1] is not None:
                dates.append((stamp[0], stamp[1]))
        elif _BYLINE.match(segment) or _AGENCY_CREDIT.match(segment):
            anchored = True
        elif not (_READ_TIME.match(segment) or _RELATIVE_STAMP.match(segment) or _SHORT_NAME.match(segment)):
            return None
    return dates if anchored else None


def _label_rank(label: str) -> int:
    return _Rank.UPDATED if re.search(r"updated|modified", label, re.IGNORECASE) else _Rank.PUBLISHED


def _match_dateline(line: str) -> re.Match[str] | None:
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match and _words(line[match.end():]) >= _MIN_WORDS_AFTER_DATELINE:
            return match
    return None


def _dateline(
    kept: list[str | None], candidates: list[tuple[int, datetime.date]]
) -> tuple[list[str | None], str, tuple[int, int] | None]:
    """Strip a dateline from the first paragraph; return its place and a date it gives without a year."""
    kept = list(kept)
    checked = 0
    for index, line in enumerate(kept):
        if not line:
            continue
        checked += 1
        if checked > 3:
            break
        match = _match_dateline(line)
        if match is None:
            if _is_body_like(line):
                break
            continue
        kept[index] = line[match.end():]
        month_day = None
        written = match.groupdict().get("date")
        if written:
            full = parse_date_text(written)
            if full is not None:
                candidates.append((_Rank.DATELINE, full))
            else:
                month_day = parse_month_day(written)
        return kept, match["place"], month_day
    return kept, "", None


def _footer(kept: list[str | None], candidates: list[tuple[int, datetime.date]]) -> None:
    """Note the date of timestamp lines closing the page (the lines themselves go with the furniture)."""
    seen = 0
    for line in reversed(kept):
        if not line:
            continue
        seen += 1
        if seen > _FOOTER_LINES:
            break
        stamp = _stamp(line)
        if stamp is not None and stamp[1] is not None:
            candidates.append((_Rank.FOOTER, stamp[1]))


def _date_with_year(month_day: tuple[int, int], reference: datetime.date) -> datetime.date | None:
    """A dateline's month and day in the year of another header date; the dateline is never after it."""
    month, day = month_day
    for year in (reference.year, reference.year - 1):
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            continue
        if found <= reference:
            return found
    return None
