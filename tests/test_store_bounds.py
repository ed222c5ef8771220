"""What one ingest costs and decides does not depend on what the database already holds, nor on arrival order.

- The number of queries to ingest an article is the same in a database of a few records and in one of thousands.
- An undated article that reports an event gets its date once the article that dates it arrives, whichever comes first.
"""
import datetime
import pathlib

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events.extraction.pipeline import ingest_document
from events.extraction.sources.documents import Document
from events.extraction.sources.reading import iter_documents
from events.models import Agreement, Country, Meeting, Person, PersonAlias

pytestmark = pytest.mark.django_db

SAMPLE = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "001_ec9f85491b28a123.txt"


def sample_document() -> Document:
    return next(iter_documents([SAMPLE], max_bytes=10**7))


def queries_to_ingest(document: Document, context) -> int:
    """Queries one ingest runs, counted inside a savepoint that is then rolled back."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as captured:
            ingest_document(document, context=context)
        transaction.set_rollback(True)
    return len(captured)


def crowd_the_database(persons: int, agreements: int) -> None:
    """Officials and agreements of other countries than the article's, in numbers a mature database holds."""
    countries = list(Country.objects.exclude(code__in=["IN", "JP", "ZA", "MY"])[:50])
    people = Person.objects.bulk_create(
        Person(name=f"Official{i} Surname{i}", country=countries[i % len(countries)]) for i in range(persons)
    )
    PersonAlias.objects.bulk_create(PersonAlias(person=p, name=f"Surname{i}") for i, p in enumerate(people))
    made = Agreement.objects.bulk_create(Agreement(name=f"Agreement on Topic{i} Cooperation") for i in range(agreements))
    through = Agreement.parties.through
    through.objects.bulk_create(
        through(agreement=a, country=countries[(i + k) % len(countries)]) for i, a in enumerate(made) for k in (0, 1)
    )


def test_an_ingest_runs_as_many_queries_in_a_full_database_as_in_an_empty_one(ingest_context):
    document = sample_document()
    _ = ingest_context.lexicon  # read once per command, not per article: not part of what an article costs
    empty = queries_to_ingest(document, ingest_context)
    crowd_the_database(persons=3000, agreements=1000)
    full = queries_to_ingest(document, ingest_context)
    assert full == empty


DATED = Document(
    "dated.txt",
    "Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi at the Jakarta Maritime "
    "Dialogue in Jakarta on March 5, 2024. The two ministers discussed fisheries.\n",
    published=datetime.date(2024, 3, 6),
)
UNDATED = Document(
    "undated.txt",
    "Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi on Tuesday at the Jakarta Maritime "
    "Dialogue, where both spoke of fisheries.\n",
)


def meetings_after(documents: list[Document], context) -> list[tuple]:
    """The meetings the documents give, ingested in this order, as comparable values; then rolled back."""
    with transaction.atomic():
        for document in documents:
            ingest_document(document, context=context)
        found = sorted(
            (m.date, m.date_precision, m.kind, tuple(sorted(p.person.name for p in m.participants.all())),
             m.sources.count())
            for m in Meeting.objects.prefetch_related("participants__person")
        )
        transaction.set_rollback(True)
    return found


def test_the_order_articles_arrive_in_does_not_change_the_meetings(ingest_context):
    dated_first = meetings_after([DATED, UNDATED], ingest_context)
    undated_first = meetings_after([UNDATED, DATED], ingest_context)
    assert dated_first == undated_first
    [(date, precision, *_)] = dated_first
    assert (date, precision) == (datetime.date(2024, 3, 5), "day")


def test_a_curators_new_name_for_a_country_reaches_the_next_ingest():
    from events.extraction.context import IngestContext

    text = ("Aotearoa's Foreign Minister Winston Peters met Fiji's Prime Minister Sitiveni Rabuka in Suva on "
            "12 February 2024.\n")
    new_zealand = Country.objects.get(code="NZ")
    new_zealand.aliases = [*new_zealand.aliases, "Aotearoa"]
    new_zealand.save()
    ingest_document(Document("peters.txt", text), context=IngestContext(model=""))
    assert Person.objects.get(name="Winston Peters").country.code == "NZ"


def test_an_international_officials_office_is_kept_without_a_country():
    from events.extraction.context import IngestContext

    text = ("Argentina's Economy Minister Luis Caputo met IMF Managing Director Kristalina Georgieva in Washington on "
            "24 October 2024.\n")
    ingest_document(Document("imf.txt", text), context=IngestContext(model=""))
    georgieva = Person.objects.get(name="Kristalina Georgieva")
    assert georgieva.country is None
    assert [(t.office.title, t.office.country) for t in georgieva.tenures.all()] == [("Managing Director", None)]


def test_two_people_spelled_alike_in_one_meeting_do_not_fail_the_article():
    from events.extraction.report import ArticleResult, Status
    from events.extraction.resolve.meetings import MeetingCandidate
    from events.extraction.resolve.people import ArticlePerson
    from events.extraction.store.persist import save_meeting
    from events.extraction.text.split import Sentence
    from events.models import Article

    article = Article.objects.create(file_name="kim.txt", text="...", content_hash="k" * 64)
    first, second = Person.objects.create(name="Lee Kim"), Person.objects.create(name="Lee Kim")
    sentence = Sentence(0, "Lee Kim met Lee Kim.", 0, 0)
    candidate = MeetingCandidate(participants=[0, 1], sentences=[sentence], kind="in_person")
    holders = [ArticlePerson(0, names=["Lee Kim"]), ArticlePerson(1, names=["Lee Kim"])]
    meeting = save_meeting(candidate, article, {0: first, 1: second}, holders, {}, ArticleResult("kim.txt", Status.NEW))
    assert [p.raw_name for p in meeting.participants.all()] == ["Lee Kim"]


def test_a_name_written_in_two_cases_in_one_article_is_one_alias():
    from events.extraction.context import IngestContext

    text = ("Prime Minister Mohammed Shia al-sudani of Iraq met King Abdullah II of Jordan in Amman on 21 November "
            "2022. Prime Minister Mohammed Shia Al-Sudani thanked the King.\n")
    result = ingest_document(Document("sudani.txt", text), context=IngestContext(model=""))
    assert result.status != "failed", result.reason
    sudani = Person.objects.get(country__code="IQ")
    assert sorted(a.name.lower() for a in sudani.aliases.all()) == ["mohammed shia al-sudani"]


def test_an_article_writing_a_name_without_accents_finds_the_person_written_with_them():
    from events.extraction.context import IngestContext

    context = IngestContext(model="")
    ingest_document(Document("a.txt", "Turkish Foreign Minister Mevlüt Çavuşoğlu met Czech Foreign Minister Jan "
                                      "Lipavsky in Prague on 12 June 2023.\n"), context=context)
    ingest_document(Document("b.txt", "Turkish Foreign Minister Mevlut Cavusoglu met Czech Foreign Minister Jan "
                                      "Lipavsky in Prague on 12 June 2023.\n"), context=context)
    assert Person.objects.filter(country__code="TR").count() == 1


AT_AN_OCCASION = Document(
    "occasion.txt",
    "Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi at the Jakarta Maritime "
    "Dialogue in Jakarta on March 5, 2024. Australia and Indonesia signed the Fisheries Cooperation Agreement.\n",
    published=datetime.date(2024, 3, 6),
)


def models_read_to_ingest(document: Document, context, *models) -> int:
    """Instances of the models built while the document is ingested (rows read, and rows made), then rolled back."""
    from django.db.models.signals import post_init

    built = []

    def count(sender, **kwargs):
        built.append(sender)

    for model in models:
        post_init.connect(count, sender=model)
    try:
        with transaction.atomic():
            ingest_document(document, context=context)
            transaction.set_rollback(True)
    finally:
        for model in models:
            post_init.disconnect(count, sender=model)
    return len(built)


def test_meetings_at_other_occasions_and_agreements_of_the_same_parties_are_not_read(ingest_context):
    """Only the stored meetings at an occasion the article's can be, and the agreements whose names agree with its
    agreements', become models: not every meeting of the year with an occasion, nor every agreement of its parties."""
    _ = ingest_context.lexicon
    empty = models_read_to_ingest(AT_AN_OCCASION, ingest_context, Meeting, Agreement)
    australia, indonesia = Country.objects.get(code="AU"), Country.objects.get(code="ID")
    Meeting.objects.bulk_create(
        Meeting(title=f"Meeting {i}", occasion=["Shangri-La Dialogue", "G20 Summit", "Raisina Dialogue"][i % 3],
                date=datetime.date(2024, 1 + i % 12, 1 + i % 28), date_precision="day", country=australia)
        for i in range(300))
    agreements = Agreement.objects.bulk_create(Agreement(name=f"Treaty on Topic{i} Trade") for i in range(300))
    Agreement.parties.through.objects.bulk_create(
        Agreement.parties.through(agreement=a, country=c) for a in agreements for c in (australia, indonesia))
    assert models_read_to_ingest(AT_AN_OCCASION, ingest_context, Meeting, Agreement) == empty


def test_agreements_of_the_same_name_between_other_parties_are_not_read(ingest_context):
    """A name such as "Fisheries Cooperation Agreement" is many pairs' own: the stored agreements of other parties
    do not become models (with their parties) for each article that names one."""
    _ = ingest_context.lexicon
    empty = models_read_to_ingest(AT_AN_OCCASION, ingest_context, Agreement)
    new_zealand, fiji = Country.objects.get(code="NZ"), Country.objects.get(code="FJ")
    agreements = Agreement.objects.bulk_create(Agreement(name="Fisheries Cooperation Agreement") for _ in range(300))
    Agreement.parties.through.objects.bulk_create(
        Agreement.parties.through(agreement=a, country=c) for a in agreements for c in (new_zealand, fiji))
    assert models_read_to_ingest(AT_AN_OCCASION, ingest_context, Agreement) == empty


def test_other_meetings_of_one_of_the_articles_people_are_not_read(ingest_context):
    """Away from an occasion, a stored meeting is the article's only if it has two of its people: a foreign
    minister's other meetings of the year do not become models for each report of one of them."""
    from events.models import Participant

    _ = ingest_context.lexicon
    ingest_document(Document("first.txt", "Foreign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi "
                                          "in Jakarta on March 5, 2024.\n"), context=ingest_context)
    second = Document("second.txt", "Foreign Minister Penny Wong met Indonesian Foreign Minister Retno Marsudi in "
                                    "Canberra on June 12, 2024.\n")
    alone = models_read_to_ingest(second, ingest_context, Meeting)
    wong = Person.objects.get(name="Penny Wong")
    others = Person.objects.bulk_create(Person(name=f"Official{i} Surname{i}") for i in range(300))
    meetings = Meeting.objects.bulk_create(
        Meeting(title=f"Meeting {i}", date=datetime.date(2024, 1 + i % 12, 1 + i % 28), date_precision="day")
        for i in range(300))
    Participant.objects.bulk_create(
        Participant(meeting=meeting, person=person, raw_name=person.name)
        for meeting, other in zip(meetings, others, strict=True) for person in (wong, other))
    assert models_read_to_ingest(second, ingest_context, Meeting) == alone
