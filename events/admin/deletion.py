"""Deletes that would lose curated data are refused in the admin, with the reason (events.deletion)."""
from __future__ import annotations

from events.deletion import refusals


class RefuseDeleteInUse:
    """The delete page and the "delete selected" action list what holds on to each record as protected, which makes
    Django's admin refuse the delete and show those lines instead of the confirm button."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, model_count, perms_needed, [*protected, *refusals(objs)]
