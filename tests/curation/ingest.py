"""Short invented articles about one meeting, ingested through the real pipeline for curation tests."""
from __future__ import annotations

from events.extraction.pipeline import ingest_document
from events.extraction.report import ArticleResult
from events.extraction.sources.documents import Document
from events.models import Meeting, Person

WONG_MARSUDI = ("Australian Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi "
                "in Jakarta on March 5, 2024, officials said. The two ministers discussed regional security.\n")
# The same meeting, with a third participant the first article did not name.
WONG_MARSUDI_JAISHANKAR = ("Australian Foreign Minister Penny Wong, Indonesian Foreign Minister Retno Marsudi and "
                           "Indian External Affairs Minister Subrahmanyam Jaishankar held talks in Jakarta on "
                           "March 5, 2024.\n")


def ingest(context, text: str, name: str = "article.txt") -> ArticleResult:
    return ingest_document(Document(file_name=name, text=text), context=context)


def wong_marsudi_meeting(context) -> Meeting:
    ingest(context, WONG_MARSUDI, "first.txt")
    return Meeting.objects.get(participants__person__name="Retno Marsudi")


def wong() -> Person:
    return Person.objects.get(name="Penny Wong")
