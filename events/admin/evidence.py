"""Evidence as a curator reads it: the sentence with the record's words marked, article text always escaped."""
from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from events.models import Agreement, Meeting, Person, Tenure

MIN_TERM = 3  # shorter words ("EU", "PM") would mark too much


def highlight(text: str, terms: Iterable[str], *, exact: bool = False) -> SafeString:
    """`text` escaped, with every case-blind occurrence of a term wrapped in <mark>; longer terms win.

    `exact` terms are the words the extraction matched in this very text: any length ("He", "Xi"), as written,
    whole words only.
    """
    shortest = 1 if exact else MIN_TERM
    words = sorted({t.strip() for t in terms if t and len(t.strip()) >= shortest}, key=len, reverse=True)
    if not words:
        return escape(text)
    if exact:
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words))
    else:
        pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    parts, end = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[end:match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))  # every part above is escaped


def record_terms(record) -> list[str]:
    """The words of a record that its evidence should contain: names, aliases, dates, places."""
    if isinstance(record, Person):
        return [record.name, *(a.name for a in record.aliases.all())]
    if isinstance(record, Tenure):
        return [record.person.name, record.office.title]
    if isinstance(record, Meeting):
        names = [n for p in record.participants.select_related("person") for n in (p.raw_name, p.person and p.person.name)]
        return [*filter(None, names), record.date_text, record.city, record.occasion]
    if isinstance(record, Agreement):
        return [record.name, *record.aliases]
    return []
