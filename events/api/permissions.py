"""Who may see what beyond DRF's DjangoModelPermissionsOrAnonReadOnly (set as the default)."""
from __future__ import annotations

from django.db.models import Model, QuerySet
from rest_framework.request import Request

from events.models import ReviewState


def is_curator(request: Request, model: type[Model]) -> bool:
    """A curator of a model may change it, and so may also see the records that were rejected."""
    user = request.user
    opts = model._meta
    return bool(user and user.is_authenticated and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"))


def hide_rejected(queryset: QuerySet, request: Request, *, listing: bool) -> QuerySet:
    """Rejected records are hidden, except from a curator who opens one or lists by review state."""
    if is_curator(request, queryset.model) and (not listing or "review_state" in request.query_params):
        return queryset
    return queryset.exclude(review_state=ReviewState.REJECTED)
