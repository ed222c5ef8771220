"""The review dashboard on the admin index: what awaits a curator, with links into each queue."""
from __future__ import annotations

from django import template
from django.urls import reverse

from events.duplicates import possible_duplicates
from events.models import Agreement, Meeting, Participant, Person, ReviewState, Tenure

register = template.Library()


@register.inclusion_tag("admin/events/dashboard.html")
def review_dashboard() -> dict:
    queues = []
    for model in (Person, Tenure, Meeting, Agreement):
        opts = model._meta
        url = reverse(f"admin:events_{opts.model_name}_changelist")
        queues.append({
            "label": opts.verbose_name_plural.capitalize(),
            "count": model.objects.filter(review_state=ReviewState.EXTRACTED).count(),
            "url": f"{url}?review_state__exact={ReviewState.EXTRACTED}",
        })
    unresolved = Participant.objects.filter(person__isnull=True).count()
    return {
        "queues": queues,
        "unresolved": unresolved,
        "unresolved_url": reverse("admin:events_participant_changelist") + "?person__isempty=1",
        "duplicates": len(possible_duplicates()),
        "duplicates_url": reverse("admin:events_duplicates"),
    }
