"""Limits a user sets on one article (settings from the environment): past any, the article fails with the limit
as its reason, nothing of it is stored, and the batch goes on. Sentences over the limit are cut, not parsed whole."""
import io
import random

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from diplomacy import settings as diplomacy_settings
from events.extraction import limits, pipeline
from events.extraction.context import IngestContext
from events.extraction.limits import Deadline, LimitExceeded, Limits
from events.extraction.resolve.article import analyse
from events.extraction.resolve.people import KnownPerson
from events.extraction.sources.documents import Document
from events.extraction.text.clean import clean
from events.extraction.text.split import split_sentences
from events.models import Agreement, Article, Meeting, Participant, Person, Tenure
from tests.reliability.corpus import GOOD, write_good

TWO_MEETINGS = (
    "Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on March 5, 2024.\n"
    "Chilean President Gabriel Boric met Norwegian Prime Minister Jonas Gahr Store in Oslo on June 3, 2024.\n"
)


def ingest(*paths):
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("ingest_articles", *map(str, paths), stdout=out, stderr=err)
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def nothing_stored():
    return not any(model.objects.exists() for model in (Article, Person, Tenure, Meeting, Participant))


def titled_names(count: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    syllables = ["ka", "to", "mi", "ra", "ne", "so", "lu", "vi", "da", "po", "re", "zi"]

    def word():
        return "".join(rnd.choice(syllables) for _ in range(3)).capitalize()

    return "Leaders met in Paris on 20 August 2024.\n" + "\n".join(
        f"Foreign Minister {word()} {word()} attended." for _ in range(count))


# --- sentence length (no database) ----------------------------------------------------------------------------------

def test_a_sentence_over_the_limit_is_cut_into_pieces_within_it():
    text = "Ministers " + "met and spoke " * 400 + "today."
    with limits.active(Limits(sentence_chars=500)):
        sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= 500 and s.cut for s in sentences)


def test_pieces_of_a_cut_sentence_keep_their_offsets_and_every_word():
    text = "Ministers " + "met and spoke " * 400 + "today."
    with limits.active(Limits(sentence_chars=500)):
        sentences = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences).split() == text.split()


def test_a_run_without_spaces_is_cut_at_the_limit():
    with limits.active(Limits(sentence_chars=100)):
        sentences = split_sentences("x" * 1000)
    assert [len(s.text) for s in sentences] == [100] * 10


def test_a_sentence_at_the_limit_is_not_cut():
    text = "Ministers met. " + "A" * 98 + "."
    with limits.active(Limits(sentence_chars=99)):
        sentences = split_sentences(text)
    assert [(s.text, s.cut) for s in sentences] == [("Ministers met.", False), ("A" * 98 + ".", False)]


def test_by_default_no_stage_after_splitting_sees_a_sentence_of_more_than_a_few_thousand_characters():
    """The bound holds with the shipped default, not only with a limit a test sets: a 120,000-character run with no
    full stop reaches the recognisers as pieces, each marked as no prose."""
    assert 1_000 <= diplomacy_settings.INGEST_MAX_SENTENCE_CHARS <= 5_000
    text = TWO_MEETINGS + "Officials said that " + "the ministers of India and Japan met, " * 3_200 + "and left.\n"
    with limits.active(Limits.from_settings()):
        facts = analyse(clean(text).text).facts
    pieces = [fact.sentence for fact in facts if fact.sentence.cut]
    assert len(pieces) >= 120_000 // diplomacy_settings.INGEST_MAX_SENTENCE_CHARS
    assert max(len(fact.sentence.text) for fact in facts) <= diplomacy_settings.INGEST_MAX_SENTENCE_CHARS
    assert [fact.sentence.text for fact in facts if not fact.sentence.cut] == TWO_MEETINGS.split("\n")[:2]


def test_no_meeting_is_read_from_a_piece_of_a_cut_sentence():
    """A run cut at the limit is no prose: "met" in one of its pieces makes no meeting, whoever the piece names."""
    run = ("Officials said that Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo and "
           + "the talks went on and on " * 60 + "until late.\n")
    with limits.active(Limits(sentence_chars=500)):
        extraction = pipeline.extract(clean(TWO_MEETINGS + run), None, [])
    assert any(fact.sentence.cut and "Modi met" in fact.sentence.text for fact in extraction.analysis.facts)
    persons = extraction.analysis.people.persons
    met = sorted(sorted(persons[i].name for i in meeting.participants) for meeting in extraction.meetings)
    assert met == [["Gabriel Boric", "Jonas Gahr Store"], ["Penny Wong", "Retno Marsudi"]]


# Titled names, a known person's name and an agreement in a run cut at the limit: no prose, so none of them is read.
TITLED_RUN = ("Officials said that Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed the "
              "India-Japan Comprehensive Economic Partnership Agreement, that Foreign Secretary Vikram Misri spoke "
              "and that " + "the talks went on and on " * 60 + "until Kishida left.\n")


def test_no_person_office_or_agreement_is_read_from_a_piece_of_a_cut_sentence():
    with limits.active(Limits(sentence_chars=500)):
        extraction = pipeline.extract(clean(TWO_MEETINGS + TITLED_RUN), None,
                                      [KnownPerson(7, "Fumio Kishida", country="JP")])
    facts = extraction.analysis.facts
    assert any(fact.sentence.cut and "Prime Minister Narendra Modi" in fact.sentence.text for fact in facts)
    assert all(not (f.titles or f.mentions or f.persons or f.agreements or f.places or f.dates or f.cue)
               for f in facts if f.sentence.cut)
    persons = extraction.analysis.people.persons
    assert sorted(p.name for p in persons) == ["Gabriel Boric", "Jonas Gahr Store", "Penny Wong", "Retno Marsudi"]
    assert all(index < len(TWO_MEETINGS.splitlines()) for p in persons for index in p.sentences)
    assert extraction.agreements == []


def test_the_same_words_as_prose_give_persons_and_an_agreement():
    """The control: what the test above reads nothing from is read when it is a sentence within the limit."""
    prose = TITLED_RUN.replace("the talks went on and on " * 60, "")
    with limits.active(Limits(sentence_chars=500)):
        extraction = pipeline.extract(clean(TWO_MEETINGS + prose), None, [])
    names = {p.name for p in extraction.analysis.people.persons}
    assert {"Narendra Modi", "Fumio Kishida", "Vikram Misri"} <= names
    assert [a.name for a in extraction.agreements] == ["India-Japan Comprehensive Economic Partnership"]


@pytest.mark.django_db
def test_an_ingest_stores_nobody_and_no_agreement_from_a_cut_run_and_says_so(tmp_path, settings):
    settings.INGEST_MAX_SENTENCE_CHARS = 500
    path = tmp_path / "run.txt"
    path.write_text(TWO_MEETINGS + TITLED_RUN)
    out, err, error = ingest(path)
    assert error is None and "new:         1" in out
    assert ("cut at spaces: not prose, so no person, office, meeting or agreement was read from them") in err
    assert sorted(Person.objects.values_list("name", flat=True)) == [
        "Gabriel Boric", "Jonas Gahr Store", "Penny Wong", "Retno Marsudi"]
    assert not Tenure.objects.filter(office__title__icontains="Secretary").exists()
    assert not Agreement.objects.exists() and Meeting.objects.count() == 2


@pytest.mark.django_db
def test_titled_names_in_a_cut_run_count_against_no_limit(tmp_path, settings):
    """A run of 10,000 titled names with no sentence end is cut into pieces, which name nobody: the article is
    stored with its prose (the same names one a line fail it, above)."""
    (tmp_path / "run.txt").write_text(TWO_MEETINGS + titled_names(10_000).split("\n", 1)[1].replace(
        " attended.\n", ", "))
    out, err, error = ingest(tmp_path / "run.txt")
    assert error is None and "new:         1" in out and "not prose" in err
    assert Person.objects.count() == 4 and Meeting.objects.count() == 2


@pytest.mark.django_db
def test_an_article_with_an_overlong_sentence_is_stored_with_a_warning(tmp_path, settings):
    settings.INGEST_MAX_SENTENCE_CHARS = 300
    path = tmp_path / "long.txt"
    path.write_text(GOOD["wong.txt"] + "Officials said " + "and then " * 100 + "they left.\n")
    out, err, error = ingest(path)
    assert error is None and "new:         1" in out
    assert "(INGEST_MAX_SENTENCE_CHARS), cut at spaces: not prose" in err


# --- persons and meetings -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_article_listing_ten_thousand_titled_names_fails_with_the_limit_and_creates_nobody(tmp_path):
    (tmp_path / "list.txt").write_text(titled_names(10_000))
    out, _, error = ingest(tmp_path / "list.txt")
    assert error is not None
    assert "person names, the limit is 200 per article (INGEST_MAX_PERSONS)" in out
    assert nothing_stored()


@pytest.mark.django_db
def test_after_an_article_over_the_persons_limit_the_batch_goes_on(tmp_path):
    write_good(tmp_path)
    (tmp_path / "list.txt").write_text(titled_names(1_000))
    out, _, _ = ingest(tmp_path)
    assert "new:         2" in out and "failed:      1" in out
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_persons_over_the_limit_after_resolving_fail_the_article(tmp_path, settings):
    settings.INGEST_MAX_PERSONS = 3
    (tmp_path / "two.txt").write_text(TWO_MEETINGS)
    out, _, error = ingest(tmp_path / "two.txt")
    assert error is not None and "persons, the limit is 3 per article (INGEST_MAX_PERSONS)" in out
    assert nothing_stored()


@pytest.mark.django_db
def test_meetings_over_the_limit_fail_the_article(tmp_path, settings):
    settings.INGEST_MAX_MEETINGS = 1
    (tmp_path / "two.txt").write_text(TWO_MEETINGS)
    out, _, error = ingest(tmp_path / "two.txt")
    assert error is not None and "over the limit: 2 meetings, the limit is 1 per article (INGEST_MAX_MEETINGS)" in out
    assert nothing_stored()


# --- the time budget ------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_article_past_its_time_budget_fails_with_that_reason(tmp_path, settings):
    settings.INGEST_ARTICLE_SECONDS = 1e-9
    (tmp_path / "a.txt").write_text(GOOD["wong.txt"])
    out, _, error = ingest(tmp_path / "a.txt")
    assert error is not None and "over the time budget of 1e-09 s per article (INGEST_ARTICLE_SECONDS)" in out
    assert nothing_stored()


class ExpiresAt(Deadline):
    """A deadline that passes at one named stage, whatever the clock says: the test chooses where."""

    def __init__(self, stage):
        super().__init__(seconds=3600)
        self.stage = stage

    def check(self, stage):
        if stage == self.stage:
            raise LimitExceeded(f"over the time budget, at {stage}")


@pytest.mark.django_db
@pytest.mark.parametrize("stage", ["cleaning", "counting names", "parsing", "recognising", "building meetings",
                                   "settling participants", "storing"])
def test_a_budget_that_runs_out_at_any_stage_leaves_nothing_written(stage):
    result = pipeline.ingest_document(Document("a.txt", TWO_MEETINGS), context=IngestContext(model=""),
                                      deadline=ExpiresAt(stage))
    assert (result.status, result.reason) == ("failed", f"over the time budget, at {stage}")
    assert nothing_stored()


@pytest.mark.django_db
def test_the_same_article_within_its_budget_is_stored():
    result = pipeline.ingest_document(Document("a.txt", TWO_MEETINGS), context=IngestContext(model=""),
                                      deadline=ExpiresAt("never"))
    assert result.status == "new" and Meeting.objects.count() == 2


@pytest.mark.django_db
def test_after_an_article_past_its_budget_the_batch_goes_on(tmp_path, monkeypatch):
    write_good(tmp_path)
    real = pipeline.ingest_document

    def first_runs_out(document, **options):
        stage = "recognising" if document.file_name.endswith("boric.txt") else "never"
        return real(document, **options, deadline=ExpiresAt(stage))

    monkeypatch.setattr(pipeline, "ingest_document", first_runs_out)
    out, _, error = ingest(tmp_path)
    assert f"{tmp_path / 'boric.txt'}: over the time budget, at recognising" in out
    assert error is not None and "new:         1" in out


# --- settings -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "-5"])
def test_a_limit_must_be_positive(monkeypatch, value):
    monkeypatch.setenv("INGEST_MAX_PERSONS", value)
    with pytest.raises(ImproperlyConfigured, match="INGEST_MAX_PERSONS must be a positive integer"):
        diplomacy_settings.env_positive("INGEST_MAX_PERSONS", 200)


def test_limits_come_from_settings(settings):
    settings.INGEST_ARTICLE_SECONDS, settings.INGEST_MAX_SENTENCE_CHARS = 7, 900
    settings.INGEST_MAX_PERSONS, settings.INGEST_MAX_MEETINGS = 5, 6
    assert Limits.from_settings() == Limits(seconds=7, sentence_chars=900, persons=5, meetings=6)
