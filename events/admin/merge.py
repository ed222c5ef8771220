"""The admin's merge action: a confirmation page to choose the survivor, then events.merging does the work."""
from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, QuerySet
from django.template.response import TemplateResponse

from events import merging
from events.models import Agreement, Meeting, Person

# What each kind of record carries to the survivor, as counted on the confirmation page.
CARRIED = {
    Person: {"aliases": "aliases", "tenures": "tenures", "participations": "participations", "sources": "sources"},
    Meeting: {"participants": "participants", "agreement links": "agreementmeeting", "sources": "sources"},
    Agreement: {"meeting links": "agreementmeeting", "parties": "parties", "sources": "sources"},
}


def with_counts(queryset: QuerySet) -> QuerySet:
    carried = CARRIED[queryset.model]
    return queryset.annotate(**{f"n_{i}": Count(rel, distinct=True) for i, rel in enumerate(carried.values())})


@admin.action(description="Merge selected records into one", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    records = list(with_counts(queryset).order_by("pk"))
    if len(records) < 2:
        modeladmin.message_user(request, "Select two or more records to merge.", messages.WARNING)
        return None
    if request.POST.get("post") == "yes":
        chosen = request.POST.get("survivor", "")
        survivor = next((r for r in records if str(r.pk) == chosen), None)
        if survivor is None:
            modeladmin.message_user(request, "Choose the record that survives the merge.", messages.ERROR)
        else:
            losers = [r for r in records if r.pk != survivor.pk]
            result = merging.merge(survivor=survivor, losers=losers, user=request.user)
            modeladmin.message_user(request, str(result), messages.SUCCESS)
            return None
    carried = list(CARRIED[queryset.model])
    rows = [{"record": r, "counts": [getattr(r, f"n_{i}") for i in range(len(carried))]} for r in records]
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {len(records)} {queryset.model._meta.verbose_name_plural}",
        "subtitle": None,
        "opts": queryset.model._meta,
        "rows": rows,
        "carried": carried,
        "action_name": "merge_selected",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "is_person": queryset.model is Person,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/events/merge_confirm.html", context)
