"""snapshot.known_people finds persons through the word indexes of migration 0013, which must stay current however
the rows are written (bulk inserts, renames and deletes included), and answers what the regular expression says."""
import pytest

from events.extraction.store.snapshot import known_people
from events.models import Person, PersonAlias

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
