"""Why an ingest changed a record, as the record's history says: one wording for every step that writes."""
from __future__ import annotations

from events.models import Article


def ingest_reason(article: Article) -> str:
    """The history's change reason for what an article's ingest wrote: which article (the field holds 100)."""
    return f"ingest of {article.file_name}"[:100]
