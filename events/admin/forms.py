"""Form fields for the JSON lists a curator edits: the locked fields as checkboxes, names one a line."""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from events import curation


def lockable_fields(model: type[models.Model]) -> list[tuple[str, str]]:
    """(name, label) of the fields a curator can lock on `model`: its own editable fields and its lockable rows."""
    opts = model._meta
    fields = [f for f in [*opts.concrete_fields, *opts.many_to_many] if f.editable and not f.primary_key]
    names = curation.fields_to_lock(model, [f.name for f in fields])
    choices = [(name, str(opts.get_field(name).verbose_name)) for name in names]
    rows = curation.LOCKABLE_ROWS.get(opts.model_name, ())
    return choices + [(name, str(opts.get_field(name).related_model._meta.verbose_name_plural)) for name in rows]


class LockedFieldsField(forms.TypedMultipleChoiceField):
    """`locked_fields` as one checkbox per field: an unknown name cannot be entered, only unticked."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model: type[models.Model], **kwargs):
        kwargs.pop("encoder", None), kwargs.pop("decoder", None), kwargs.pop("max_length", None)
        super().__init__(choices=lockable_fields(model), required=False, **kwargs)

    def prepare_value(self, value):
        return list(value or [])

    def clean(self, value):
        return sorted(super().clean(value))


class LinesField(forms.CharField):
    """A list of names as a text box, one name a line; blank lines dropped, doubles refused."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None), kwargs.pop("decoder", None)
        super().__init__(required=False, strip=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value or ""

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        lines = [" ".join(line.split()) for line in (value or "").splitlines()]
        names = [line for line in lines if line]
        seen, doubles = set(), []
        for name in names:
            if name.lower() in seen:
                doubles.append(name)
            seen.add(name.lower())
        if doubles:
            raise ValidationError(f"Given twice: {', '.join(doubles)}.")
        if any(len(name) > 300 for name in names):
            raise ValidationError("A name is at most 300 characters.")
        return names

    def has_changed(self, initial, data) -> bool:
        return list(initial or []) != self.to_python(data)
