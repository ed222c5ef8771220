"""A record's history in the admin: every version with who, when, why and the values it had; revert to one."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from events import curation
from events.models import Agreement, AgreementMeeting, Meeting, Participant, Person, PersonAlias
from events.participant_history import movement, participant_changes, restore_participants

# Bookkeeping that changes on every save: shown nowhere, reverted never.
NOT_SHOWN = frozenset({"updated_at", "created_at"})


def version_rows(history: models.QuerySet) -> list[dict]:
    """Each version newest first, with the fields it changed from the version before (old and new values)."""
    versions = list(history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for version, previous in zip(versions, [*versions[1:], None], strict=True):
        changes = []
        if previous is not None and version.history_type == "~":
            delta = version.diff_against(previous, excluded_fields=NOT_SHOWN, foreign_keys_are_objs=True)
            changes = [(version.instance_type._meta.get_field(c.field).verbose_name, *_values(version, c))
                       for c in delta.changes]
        rows.append({"version": version, "changes": changes, "previous": previous})
    return rows


def _values(version, change) -> tuple[object, object]:
    """A change's old and new values; an M2M's (a list of through rows as dicts) as the related records' names."""
    field = version.instance_type._meta.get_field(change.field)
    if not field.many_to_many:
        return change.old, change.new
    column = field.m2m_reverse_field_name()
    # With foreign_keys_are_objs the rows hold the related records themselves (a DeletedObject if one is gone).
    return tuple(", ".join(sorted(str(row[column]) for row in rows)) or None for rows in (change.old, change.new))


# Rows of their own that belong to a record's story: (model, the field pointing at the record, what a line names).
LINKED = {
    Person: [(PersonAlias, "person", "alias")],
    Agreement: [(AgreementMeeting, "agreement", "meeting link")],
    Meeting: [(AgreementMeeting, "meeting", "agreement link")],
}


def _name(version) -> str:
    try:
        return str(version.instance)
    except models.ObjectDoesNotExist:  # a link whose agreement or meeting is gone since
        return f"{version.instance_type._meta.verbose_name} #{version.id}"


def with_linked_rows(record: models.Model, rows: list[dict]) -> list[dict]:
    """A person's aliases, an agreement's or a meeting's agreement links: each version of them as a line of the
    record's history (added, changed with old and new values, removed, moved in or out by a merge). Shown, not
    reverted: a revert gives back the record's fields (and a meeting's participants, an agreement's parties)."""
    for model, fk, label in LINKED.get(type(record), []):
        attname = model._meta.get_field(fk).attname
        ids = model.history.filter(**{attname: record.pk}).values("id")
        versions = model.history.filter(id__in=ids).select_related("history_user").order_by("history_date",
                                                                                          "history_id")
        last: dict[int, object] = {}
        for version in versions:
            previous = last.get(version.id)
            last[version.id] = version
            what = movement(version, previous, attname, record.pk)
            if not what:
                continue
            changes = []
            if what in ("changed", "moved in", "moved out"):
                delta = version.diff_against(previous, foreign_keys_are_objs=True)
                changes = [(model._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes]
            rows.append({"version": version, "changes": changes, "linked": f"{label} {what}",
                         "linked_name": _name(version)})
    return sorted(rows, key=lambda row: (row["version"].history_date, "participant" not in row
                                         and "linked" not in row), reverse=True)


def with_participant_rows(record: models.Model, rows: list[dict]) -> list[dict]:
    """A meeting's versions and its participants' changes in one list, newest first; each participant line names
    the meeting version it happened under (what a revert to it starts from)."""
    if not isinstance(record, Meeting):
        return rows
    lines = participant_changes(record)
    if not lines:
        return rows
    meeting_versions = [row["version"] for row in rows]  # newest first
    for line in lines:
        under = next((v for v in meeting_versions if v.history_date <= line.history_date), None)
        if under is not None:
            rows.append({"version": line.version, "changes": line.changes, "participant": line, "under": under})
    return sorted(rows, key=lambda row: (row["version"].history_date, "participant" not in row), reverse=True)


def revert(record: models.Model, version, user, participant_version=None) -> list[str]:
    """Give `record` the values it had in `version`; the fields that change are locked as a curator's edit.

    A meeting also gets back its participants: those it had while `version` was its latest, or, reverting to a
    participant's change (`participant_version`), those it had right after that change. Only the fields the revert
    changes are written, onto the row as it is then (curation.save_curated): a whole save of the record as this
    request read it wrote back what an ingest had written to its other fields meanwhile.
    """
    old = version.instance
    fields = [f for f in type(record)._meta.concrete_fields
              if f.editable and f.name not in NOT_SHOWN | curation.NEVER_LOCKED and not f.primary_key]
    changed = [f.name for f in fields if getattr(record, f.attname) != getattr(old, f.attname)]
    for name in changed:
        field = type(record)._meta.get_field(name)
        setattr(record, field.attname, getattr(old, field.attname))
    changed += _revert_many_to_many(record, version)
    point = participant_version or version
    reason = f"reverted to the version of {point.history_date.strftime('%Y-%m-%d %H:%M:%S')}"
    lock = []
    if isinstance(record, Meeting):
        if participant_version is not None:
            moment, inclusive = participant_version.history_date, True
        else:
            later = record.history.filter(history_date__gt=version.history_date).order_by("history_date").first()
            moment, inclusive = (later.history_date, False) if later else (timezone.now(), True)
        restored = restore_participants(record, moment, user, reason[:100], inclusive=inclusive)
        if restored:
            lock.append("participants")  # the curator chose these: a re-parse must not add back what left
    if changed or lock:
        curation.save_curated(record, changed, user=user, reason=reason, lock=lock)
    if lock:
        changed.append("participants (" + "; ".join(restored) + ")")
    return changed


def _revert_many_to_many(record: models.Model, version) -> list[str]:
    """Give `record` the M2M values (an agreement's parties) `version` recorded; the names of those that change.

    A version saved before its model tracked the M2M (migration 0012) recorded none: an empty set there means
    "not known", so it leaves the current values alone rather than clearing them."""
    changed = []
    for field in getattr(type(record).history.model, "_history_m2m_fields", []):
        column = field.m2m_reverse_field_name()
        old = {getattr(row, f"{column}_id") for row in getattr(version, field.name).all()}
        if old and old != set(getattr(record, field.name).values_list("pk", flat=True)):
            getattr(record, field.name).set(old)
            changed.append(field.name)
    return changed


class HistoryMixin:
    """ModelAdmin pages for a model with django-simple-history's `history`: the versions, and revert."""

    object_history_template = "admin/events/history.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_revert"
        revert_view = self.admin_site.admin_view(require_POST(self.revert_view))
        return [path("<path:object_id>/history/<int:history_id>/revert/", revert_view, name=name), *super().get_urls()]

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        record = self.get_object(request, object_id)
        if record is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_view_or_change_permission(request, record):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"History: {record}",
            "subtitle": None,
            "object": record,
            "opts": self.model._meta,
            "rows": with_linked_rows(record, with_participant_rows(record, version_rows(record.history.all()))),
            "can_revert": self.has_change_permission(request, record),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def revert_view(self, request: HttpRequest, object_id: str, history_id: int) -> HttpResponse:
        record = self.get_object(request, object_id)
        if record is None or not self.has_change_permission(request, record):
            raise PermissionDenied
        version = get_object_or_404(record.history.all(), history_id=history_id)
        participant_version = None
        if request.POST.get("participant_version", "").isdigit() and isinstance(record, Meeting):
            ever_here = Participant.history.filter(meeting_id=record.pk).values("id")
            participant_version = get_object_or_404(Participant.history.filter(id__in=ever_here),
                                                    history_id=int(request.POST["participant_version"]))
        with transaction.atomic():
            changed = revert(record, version, request.user, participant_version)
        if changed:
            self.message_user(request, f"Reverted {', '.join(changed)}; those fields are now locked.")
        else:
            self.message_user(request, "Nothing to revert: the record has those values now.", messages.WARNING)
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]))
