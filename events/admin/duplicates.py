"""The possible duplicates page: likely pairs to merge (confirm) or dismiss; a dismissed pair does not come back."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import site
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from events import duplicates, merging
from events.models import Meeting, Person

MODELS = {"person": Person, "meeting": Meeting}


def duplicates_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _decide(request)
    context = {
        **site.each_context(request),
        "title": "Possible duplicates",
        "subtitle": None,
        "pairs": duplicates.possible_duplicates(),
    }
    return TemplateResponse(request, "admin/events/duplicates.html", context)


def _decide(request: HttpRequest) -> HttpResponse:
    model = MODELS.get(request.POST.get("kind", ""))
    if model is None or not request.user.has_perm(f"events.change_{model._meta.model_name}"):
        raise PermissionDenied
    records = {str(r.pk): r for r in model.objects.filter(pk__in=request.POST.getlist("pair")[:2])}
    if len(records) != 2:
        messages.warning(request, "That pair is gone (merged or deleted meanwhile).")
    elif request.POST.get("decision") == "dismiss":
        first, second = records.values()
        duplicates.dismiss(model._meta.model_name, first, second, user=request.user)
        messages.success(request, f"{first} and {second} are kept apart and will not be proposed again.")
    else:
        survivor = records.get(request.POST.get("survivor", ""))
        if survivor is None:
            messages.error(request, "Choose which record survives.")
        else:
            losers = [r for pk, r in records.items() if pk != str(survivor.pk)]
            messages.success(request, str(merging.merge(survivor=survivor, losers=losers, user=request.user)))
    return HttpResponseRedirect(reverse("admin:events_duplicates"))
