"""A filter set's form class is built once (events.api.filters.FilterSet); each request still gets a form of its own."""
from django.http import QueryDict

from events.api.filters import MeetingFilter, PersonFilter
from events.models import Meeting, Person


def test_two_requests_use_one_form_class():
    first = MeetingFilter(QueryDict("kind=visit"), queryset=Meeting.objects.none())
    second = MeetingFilter(QueryDict("kind=phone_call"), queryset=Meeting.objects.none())
    assert first.get_form_class() is second.get_form_class()


def test_each_filter_set_has_its_own_form_class():
    meetings = MeetingFilter(QueryDict(), queryset=Meeting.objects.none()).get_form_class()
    persons = PersonFilter(QueryDict(), queryset=Person.objects.none()).get_form_class()
    assert set(meetings.base_fields) != set(persons.base_fields)


def test_two_requests_do_not_share_a_form_field():
    first = MeetingFilter(QueryDict("kind=visit"), queryset=Meeting.objects.none()).form
    second = MeetingFilter(QueryDict("kind=phone_call"), queryset=Meeting.objects.none()).form
    assert first.fields["kind"] is not second.fields["kind"]
