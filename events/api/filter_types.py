"""The kinds of query parameter the filter sets are made of.

Each checks its value in a form field before any query runs, so a bad value answers 400 naming the
parameter and saying what is expected, and no value can make a filter cost more than a bounded
amount of work: text is capped in length and in words, codes and ids are checked for their shape.
"""
from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import F, OrderBy, QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import BaseCSVField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.models import Country

BIGINT_MAX = 2**63 - 1
# Longest text a text filter takes, and most words a search takes: each word of a search is one
# sub-query, so the cap bounds its cost (800 words took 1.6 s on PostgreSQL, 1,000 broke SQLite).
MAX_TEXT_LENGTH = 200
MAX_SEARCH_WORDS = 8

COUNTRY_CODE = re.compile(r"[A-Z]{2}")
EXPECTED_COUNTRY = "Expected an ISO 3166-1 alpha-2 code such as IN"
EXPECTED_DATE = "Expected a date as YYYY-MM-DD such as 2024-08-20"


def words(text: str) -> list[str]:
    return text.split()


def country_code(value: Any) -> str:
    """A country code as stored (upper case), or a 400 saying what a code looks like."""
    code = value.strip().upper() if isinstance(value, str) else ""
    if not COUNTRY_CODE.fullmatch(code):
        raise forms.ValidationError(f"{EXPECTED_COUNTRY}, not %(value)r.", code="invalid_choice",
                                    params={"value": str(value)[:20]})
    return code


# ----------------------------------------------------------------------------- form fields


class CountryCodeField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": f"{EXPECTED_COUNTRY}; no country has the code %(value)r."}

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        return super().to_python(country_code(value))


class CountryCodesField(forms.ModelMultipleChoiceField):
    default_error_messages = {"invalid_choice": f"{EXPECTED_COUNTRY}; no country has the code %(value)r."}

    def clean(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            # `?party=` names no country: no condition, as for the other filters.
            value = [country_code(item) for item in value if item not in self.empty_values]
        return super().clean(value)


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": f"{EXPECTED_DATE}."}


def choices_message(choices: list[tuple[str, str]]) -> str:
    return f"Expected one of {', '.join(value for value, _ in choices)} (repeat the parameter for several), not %(value)r."


class CommaSeparatedField(BaseCSVField):
    """`?ordering=,,` or `?ordering=date,` names no field: say so rather than order by nothing."""

    def clean(self, value: Any) -> Any:
        if value and any(item in self.empty_values for item in value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": ",".join(value)})
        return super().clean(value)


# ----------------------------------------------------------------------------- filters


@extend_schema_field(OpenApiTypes.STR)
class CountryFilter(filters.ModelChoiceFilter):
    """One country by ISO code, in any case: ?country=jp."""

    field_class = CountryCodeField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class CountriesFilter(filters.ModelMultipleChoiceFilter):
    """Countries by ISO code, the parameter repeated: ?country=IN&country=JP."""

    field_class = CountryCodesField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, **kwargs)


class IdFilter(filters.NumberFilter):
    """A record id: a whole number that fits the database's id column (else 400, never a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        kwargs.setdefault("error_messages", {"invalid": "Expected the id of a record, a whole number such as 12."})
        super().__init__(*args, **kwargs)


class DateFilter(filters.DateFilter):
    field_class = IsoDateField


class ChoicesFilter(filters.MultipleChoiceFilter):
    """One of a fixed set of values, repeatable; a bad one is answered with the list of good ones."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"invalid_choice": choices_message(list(kwargs["choices"]))})
        super().__init__(*args, **kwargs)


class TextFilter(filters.CharFilter):
    """Free text, at most MAX_TEXT_LENGTH characters (NUL bytes are refused by the form field)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_TEXT_LENGTH)
        super().__init__(*args, **kwargs)


def at_most_search_words(value: str) -> None:
    if len(words(value)) > MAX_SEARCH_WORDS:
        raise forms.ValidationError(f"Use at most {MAX_SEARCH_WORDS} words.", code="max_words")


class SearchFilter(TextFilter):
    """Words that must all match, each somewhere: at most MAX_SEARCH_WORDS of them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("validators", [at_most_search_words])
        super().__init__(*args, **kwargs)


class OrderingFilter(filters.OrderingFilter):
    """Missing dates last in either direction, and the id breaks ties so pages never overlap."""

    base_field_class = CommaSeparatedField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = ", ".join(self.normalize_fields(kwargs.get("fields", {})).values())
        kwargs.setdefault("error_messages", {
            "invalid_choice": f"Expected field names separated by commas, from {names}, each with - before it "
                              "for descending order; not %(value)r.",
        })
        super().__init__(*args, **kwargs)

    def get_ordering_value(self, param: str) -> OrderBy:
        name = super().get_ordering_value(param)
        field = F(name.lstrip("-"))
        return field.desc(nulls_last=True) if name.startswith("-") else field.asc(nulls_last=True)

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        if not value:
            return qs
        return qs.order_by(*(self.get_ordering_value(param) for param in value), "pk")
