"""The history manager's class is made once per model, not on each read of `history` (every save reads it)."""
from events.models import Person


def test_history_manager_class_is_made_once():
    assert type(Person.history) is type(Person.history)


def test_history_manager_still_reads_one_records_history(db):
    person = Person.objects.create(name="Ada Example")
    person.notes = "edited"
    person.save()
    assert [h.history_type for h in person.history.order_by("history_id")] == ["+", "~"]
