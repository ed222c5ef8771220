"""The extracted records a curator reviews: persons, tenures, meetings, agreements."""
from __future__ import annotations

from django.contrib import admin
from django.db.models import Prefetch

from events import curation
from events.models import (
    Agreement,
    AgreementMeeting,
    AgreementSource,
    Meeting,
    MeetingSource,
    Participant,
    Person,
    PersonAlias,
    PersonSource,
    ReviewState,
    Tenure,
    TenureSource,
)
from events.models.base import Extracted

from .history import HistoryMixin
from .merge import merge_selected

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


# Inlines ---------------------------------------------------------------------------------

class SourceInline(admin.TabularInline):
    fields = ["article", "evidence", "start"]
    autocomplete_fields = ["article"]
    extra = 0


class PersonSourceInline(SourceInline):
    model = PersonSource


class TenureSourceInline(SourceInline):
    model = TenureSource


class MeetingSourceInline(SourceInline):
    model = MeetingSource


class AgreementSourceInline(SourceInline):
    model = AgreementSource


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1


class TenureInline(admin.TabularInline):
    model = Tenure
    fields = ["office", "start_date", "start_precision", "end_date", "end_precision", "review_state"]
    autocomplete_fields = ["office"]
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ["raw_name", "person", "office", "country", "side"]
    autocomplete_fields = ["person", "office", "country"]
    extra = 0


class AgreementMeetingInline(admin.TabularInline):
    model = AgreementMeeting
    autocomplete_fields = ["agreement", "meeting"]
    extra = 0


# Extracted records -------------------------------------------------------------------------

@admin.action(description="Mark selected records verified (locks them whole)")
def mark_verified(modeladmin, request, queryset):
    count = curation.set_review_state(queryset, ReviewState.VERIFIED, user=request.user)
    modeladmin.message_user(request, f"{count} marked verified.")


@admin.action(description="Mark selected records rejected")
def mark_rejected(modeladmin, request, queryset):
    count = curation.set_review_state(queryset, ReviewState.REJECTED, user=request.user)
    modeladmin.message_user(request, f"{count} marked rejected.")


class ExtractedAdmin(HistoryMixin, admin.ModelAdmin):
    """A record the pipeline wrote: what a curator changes here is locked against re-parsing."""

    actions = [mark_verified, mark_rejected]
    readonly_fields = ["uid", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        curation.lock_changed_fields(obj, form.changed_data)
        obj._history_user = request.user
        obj._change_reason = "edited in the admin" if change else "added in the admin"
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Inline extracted records (tenures in a person) are curated edits too.
        for inline_form in formset.forms:
            if isinstance(inline_form.instance, Extracted) and inline_form.has_changed():
                curation.lock_changed_fields(inline_form.instance, inline_form.changed_data)
                inline_form.instance._history_user = request.user
                inline_form.instance._change_reason = "edited in the admin"
        super().save_formset(request, form, formset, change)


@admin.register(Person)
class PersonAdmin(ExtractedAdmin):
    actions = [*ExtractedAdmin.actions, merge_selected]
    list_display = ["name", "alias_list", "country", "review_state", "updated_at"]
    list_filter = ["review_state", ("country", RELATED_ONLY)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    inlines = [PersonAliasInline, TenureInline, PersonSourceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, obj: Person) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(Tenure)
class TenureAdmin(ExtractedAdmin):
    list_display = ["person", "office", "start_date", "end_date", "review_state"]
    list_filter = ["review_state", "office__kind", ("office__country", RELATED_ONLY), "start_date"]
    list_select_related = ["person", "office__country"]
    search_fields = ["person__name", "person__aliases__name", "office__title"]
    autocomplete_fields = ["person", "office"]
    inlines = [TenureSourceInline]


@admin.register(Meeting)
class MeetingAdmin(ExtractedAdmin):
    actions = [*ExtractedAdmin.actions, merge_selected]
    list_display = ["__str__", "kind", "status", "participant_list", "city", "country", "review_state"]
    list_filter = ["review_state", "kind", "status", ("country", RELATED_ONLY), "date"]
    list_select_related = ["country"]
    search_fields = ["title", "occasion", "city", "summary", "participants__raw_name", "participants__person__name"]
    autocomplete_fields = ["country"]
    date_hierarchy = "date"
    inlines = [ParticipantInline, AgreementMeetingInline, MeetingSourceInline]

    def get_queryset(self, request):
        participants = Participant.objects.select_related("person").order_by("id")
        return super().get_queryset(request).prefetch_related(Prefetch("participants", queryset=participants))

    @admin.display(description="participants")
    def participant_list(self, obj: Meeting) -> str:
        return ", ".join(str(participant.person or participant.raw_name) for participant in obj.participants.all())


@admin.register(Agreement)
class AgreementAdmin(ExtractedAdmin):
    actions = [*ExtractedAdmin.actions, merge_selected]
    list_display = ["name", "kind", "status", "party_list", "signed_date", "review_state"]
    list_filter = ["review_state", "kind", "status", ("parties", RELATED_ONLY), "signed_date"]
    search_fields = ["name", "aliases", "parties__name"]
    autocomplete_fields = ["parties"]
    inlines = [AgreementSourceInline, AgreementMeetingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parties")

    @admin.display(description="parties")
    def party_list(self, obj: Agreement) -> str:
        return ", ".join(sorted(country.code for country in obj.parties.all()))
