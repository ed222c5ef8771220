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
from events.models import Meeting, Participant
from events.participant_history import participant_changes, restore_participants

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
            changes = [(version.instance_type._meta.get_field(c.field).verbose_name, c.old, c.new)
                       for c in delta.changes]
        rows.append({"version": version, "changes": changes, "previous": previous})
    return rows


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
    participant's change (`participant_version`), those it had right after that change.
    """
    old = version.instance
    fields = [f for f in type(record)._meta.concrete_fields
              if f.editable and f.name not in NOT_SHOWN | curation.NEVER_LOCKED and not f.primary_key]
    changed = [f.name for f in fields if getattr(record, f.attname) != getattr(old, f.attname)]
    for name in changed:
        field = type(record)._meta.get_field(name)
        setattr(record, field.attname, getattr(old, field.attname))
    record.lock(*curation.fields_to_lock(type(record), changed))
    point = participant_version or version
    reason = f"reverted to the version of {point.history_date.strftime('%Y-%m-%d %H:%M:%S')}"
    if isinstance(record, Meeting):
        if participant_version is not None:
            moment, inclusive = participant_version.history_date, True
        else:
            later = record.history.filter(history_date__gt=version.history_date).order_by("history_date").first()
            moment, inclusive = (later.history_date, False) if later else (timezone.now(), True)
        restored = restore_participants(record, moment, user, reason[:100], inclusive=inclusive)
        if restored:
            changed.append("participants (" + "; ".join(restored) + ")")
    if changed:
        curation.save_as_curator(record, user, reason)
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
            "rows": with_participant_rows(record, version_rows(record.history.all())),
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
            # Participants are rows of their own, not fields of the meeting: nothing locks them.
            fields = [c for c in changed if not c.startswith("participants (")]
            locked = "; those fields are now locked" if fields else ""
            self.message_user(request, f"Reverted {', '.join(changed)}{locked}.")
        else:
            self.message_user(request, "Nothing to revert: the record has those values now.", messages.WARNING)
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]))
