"""snapshot.known_people finds persons through the word indexes of migration 0013, which must stay current however
the rows are written (bulk inserts, renames and deletes included), and answers what the regular expression says."""
import pytest

from events.extraction.resolve.people import ArticlePerson
from events.extraction.store.persist import find_person
from events.extraction.store.snapshot import known_people, lexicon
from events.models import Person, PersonAlias
from tests.factories import TenureFactory

pytestmark = pytest.mark.django_db


def names(text: str) -> list[str]:
    return [person.name for person in known_people(text)]


def test_persons_and_aliases_written_in_bulk_are_found():
    Person.objects.bulk_create(
        [Person(name="Narendra Modi"), Person(name="Yoko Kamikawa"), Person(name="Jean-Yves Le Drian")])
    PersonAlias.objects.bulk_create([PersonAlias(person=Person.objects.get(name="Yoko Kamikawa"), name="Kamikawa Yōko")])
    assert names("Prime Minister MODI met Yōko in Delhi.") == ["Narendra Modi", "Yoko Kamikawa"]
    assert names("Le Drian, said Jean-Yves.") == ["Jean-Yves Le Drian"]
    assert names("Modiste and Kamikawas were there.") == []


def test_a_rename_and_a_delete_are_seen():
    person = Person.objects.create(name="Subrahmanyam Jaishankar")
    alias = PersonAlias.objects.create(person=person, name="S. Jaishankar")
    assert names("Jaishankar spoke.") == ["Subrahmanyam Jaishankar"]
    person.name = "S Jaishankar"
    person.save()
    alias.delete()
    assert names("Subrahmanyam spoke.") == []
    assert names("Jaishankar spoke.") == ["S Jaishankar"]
    person.delete()
    assert names("Jaishankar spoke.") == []


def test_a_known_person_carries_the_posts_they_held():
    tenure = TenureFactory(person__name="Efua Akosua Boateng", office__title="Spokesperson", office__kind="other")
    [known] = known_people("Efua Boateng spoke.")
    assert known.key == tenure.person.pk and known.posts == (("Spokesperson", "other"),)


def test_a_compound_surname_alone_does_not_find_a_stored_person_for_a_full_name():
    # "Abdel Aziz" is two words but one surname: the article's "Saud Abdel Aziz" is no "Hessa Abdullah Abdel Aziz".
    stored = Person.objects.create(name="Hessa Abdullah Abdel Aziz")
    PersonAlias.objects.create(person=stored, name="Abdel Aziz")
    assert find_person(ArticlePerson(0, names=["Saud Abdel Aziz", "Abdel Aziz"])) is None


def test_the_database_lexicon_reads_american_as_the_united_states():
    assert lexicon().place("American").country == "US"
