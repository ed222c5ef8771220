"""Form fields for the JSON lists a curator edits: the locked fields as checkboxes, names one a line."""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.widgets import MultipleHiddenInput

from events import curation


def carry_shown_values(form_class: type[forms.BaseForm]) -> None:
    """Make each field the curator sees carry the value the page showed (a hidden "initial-" twin), so that what the
    curator changed is told from the page, not from the record as it is when the form comes back: an ingest may have
    written a field meanwhile, and that field would count as the curator's change (written back and locked)."""
    for field in form_class.base_fields.values():
        if not field.widget.is_hidden:
            field.show_hidden_initial = True


def unshown(form: forms.BaseForm) -> set[str]:
    """The fields of a bound form whose shown value the POST did not carry: their change is to be told from the
    stored row instead (curation.stored_changes).

    A list shown empty (no party, no lock) sends no shown value at all, as a browser sends nothing for an empty
    multiple hidden input; it counts as carried when the form carried any other shown value.
    """
    shown = [field for field in form if field.field.show_hidden_initial]
    carried = {field.name for field in shown if field.html_initial_name in form.data}
    if not carried:
        return {field.name for field in shown}
    return {field.name for field in shown if field.name not in carried
            and not isinstance(field.field.hidden_widget(), MultipleHiddenInput)}


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
