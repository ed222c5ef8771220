"""What an article would store, checked against the database's fields before anything is written.

SQLite stores a 30,000-character name in a 200-character field, and a NUL byte, where PostgreSQL refuses both:
checked here, the two end with the same records. A field's limit is read from its model field, so the rule stays
in one place. The article's text and metadata are cleaned (control characters removed, metadata cut to its field
with a warning); a person, office, meeting or agreement value over its field fails the article with the reason,
since a "name" of thousands of characters is no name.
"""
from __future__ import annotations

import dataclasses
import re

from events.extraction.limits import LimitExceeded
from events.extraction.sources.documents import Document
from events.models import Agreement, Article, Meeting, Office, Participant, Person, PersonAlias

_CONTROL_CHARACTERS = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]")


def max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def clean_document(document: Document) -> tuple[Document, list[str]]:
    """The document with no control characters in its text or metadata, and metadata that fits its fields."""
    warnings = []
    text, removed = _CONTROL_CHARACTERS.subn("", document.text)
    if removed:
        warnings.append(f"removed {removed:,} control characters from the text")
    changes = {"text": text}
    for name in ("title", "outlet", "url"):
        value = _CONTROL_CHARACTERS.sub("", getattr(document, name))
        limit = max_length(Article, name)
        if len(value) > limit:
            warnings.append(f"the {name} is {len(value):,} characters, over the {limit:,} of its field: "
                            + ("cut" if name != "url" else "left out"))
            value = value[:limit] if name != "url" else ""
        changes[name] = value
    limit = max_length(Article, "file_name")
    if len(document.file_name) > limit:  # the end of a path names the file
        changes["file_name"] = "\u2026" + document.file_name[-(limit - 1):]
    return dataclasses.replace(document, **changes), warnings


def check_extraction(extraction) -> None:
    """Raise LimitExceeded naming the first value over its field, in a fixed order; else nothing."""
    for value, model, field, what in _values(extraction):
        limit = max_length(model, field)
        if len(value) > limit:
            raise LimitExceeded(f"{what} of {len(value):,} characters, over the {limit:,} of its field "
                                f"({model.__name__}.{field}): {value[:60]!r}...")


def _values(extraction):
    for person in extraction.persons:
        for name in person.names:
            yield name, Person, "name", "a person's name"
            yield name, PersonAlias, "name", "a person's name"
            yield name, Participant, "raw_name", "a person's name"
        for title in person.titles:
            yield title.title, Office, "title", "an office title"
            yield title.ministry, Office, "ministry", "a ministry"
    for meeting in extraction.meetings:
        if meeting.occasion:
            yield meeting.occasion.name, Meeting, "occasion", "an occasion"
        yield meeting.city, Meeting, "city", "a city"
    for agreement in extraction.agreements:
        yield agreement.name, Agreement, "name", "an agreement's name"
