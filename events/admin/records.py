"""The extracted records a curator reviews: persons, tenures, meetings, agreements."""
from __future__ import annotations

from django.contrib import admin
from django.db.models import Prefetch
from django.forms.models import BaseInlineFormSet
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

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

from .deletion import RefuseDeleteInUse
from .duplicates import duplicates_view
from .evidence import highlight, record_terms
from .forms import LinesField, LockedFieldsField, carry_shown_values, unshown
from .history import HistoryMixin
from .merge import merge_selected

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


# Inlines ---------------------------------------------------------------------------------

class SourceInline(admin.TabularInline):
    """The articles behind a record, read-only: written by ingests, read by curators."""

    fields = ["article_link", "evidence_in_context"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    classes = ["evidence"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="article")
    def article_link(self, source) -> str:
        article = source.article
        url = reverse("admin:events_article_change", args=[article.pk])
        meta = " · ".join(filter(None, [article.outlet, article.published and article.published.isoformat()]))
        link = format_html('<a href="{}">{}</a>', url, article)
        if article.url:
            link = format_html('{} (<a href="{}" rel="noopener noreferrer" target="_blank">original</a>)', link,
                               article.url)
        return format_html("{}<br><span class=\"quiet\">{}</span>", link, meta)

    @admin.display(description="evidence")
    def evidence_in_context(self, source) -> str:
        if source.matched:
            # The words the extraction read the record from; sources older than that field fall back to the record's
            # names as they are now.
            return format_html('<div class="evidence">{}</div>', highlight(source.evidence, source.matched, exact=True))
        if not hasattr(self, "_terms") or self._terms[0] != source.record_id:
            self._terms = (source.record_id, record_terms(source.record))
        return format_html('<div class="evidence">{}</div>', highlight(source.evidence, self._terms[1]))


class PersonSourceInline(SourceInline):
    model = PersonSource


class TenureSourceInline(SourceInline):
    model = TenureSource


class MeetingSourceInline(SourceInline):
    model = MeetingSource


class AgreementSourceInline(SourceInline):
    model = AgreementSource


class CuratedInlineFormSet(BaseInlineFormSet):
    """Rows a curator edits on a record's page (a person's tenures, a meeting's participants): a changed row is
    written as its change form is (curation.save_curated), only the fields the curator changed, onto the row as it is
    now. A whole-row save wrote back what an ingest (or a merge) had written to its other fields since the page read
    them."""

    curator = None  # who saves, set by the admin before the formset saves

    def save_existing(self, form, obj, commit=True):
        if not commit:
            return super().save_existing(form, obj, commit=commit)
        changed = list(form.changed_data)
        if isinstance(obj, Extracted):
            changed += curation.settle_curated_dates(obj, changed)
        curation.save_curated(obj, changed, user=self.curator, reason="edited in the admin")
        return obj


class CuratedInline(admin.TabularInline):
    """An inline whose rows carry the values the page showed, like the record's own form, and save as curated."""

    formset = CuratedInlineFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        carry_shown_values(formset.form)
        return formset


class PersonAliasInline(CuratedInline):
    model = PersonAlias
    extra = 1


# What the articles show of a tenure's dates, kept by the ingest; a curator gives start and end instead (a locked
# field stays as it is).
TENURE_SIGHTINGS = ["seen_from", "seen_from_precision", "seen_until", "seen_until_precision", "ended_by",
                    "ended_by_precision"]


class TenureInline(CuratedInline):
    model = Tenure
    fields = ["office", "start_date", "start_precision", "end_date", "end_precision", "seen", "review_state"]
    readonly_fields = ["seen"]
    autocomplete_fields = ["office"]
    extra = 0

    @admin.display(description="seen in office")
    def seen(self, obj: Tenure) -> str:
        """The first and last days the articles show the person in the office, and the end another holder set."""
        if obj.seen_from is None:
            return "-"
        text = f"{_dated(obj.seen_from, obj.seen_from_precision)} to {_dated(obj.seen_until, obj.seen_until_precision)}"
        if obj.ended_by:
            text += f"; ended by {_dated(obj.ended_by, obj.ended_by_precision)}"
        return text


def _dated(day, precision: str) -> str:
    return {"year": f"{day:%Y}", "month": f"{day:%B %Y}"}.get(precision, day.isoformat()) if day else "?"


class ParticipantInline(CuratedInline):
    model = Participant
    fields = ["raw_name", "person", "office", "country", "side"]
    autocomplete_fields = ["person", "office", "country"]
    extra = 0


class AgreementMeetingInline(CuratedInline):
    model = AgreementMeeting
    autocomplete_fields = ["agreement", "meeting"]
    extra = 0


# Filters --------------------------------------------------------------------------------------

class YearFilter(admin.SimpleListFilter):
    """Meetings of one year (the years that have meetings, newest first)."""

    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Meeting.objects.filter(date__isnull=False).dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        return queryset.filter(date__year=int(self.value())) if self.value() and self.value().isdigit() else queryset


class DecadeFilter(admin.SimpleListFilter):
    title = "decade"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        years = Meeting.objects.filter(date__isnull=False).dates("date", "year", order="DESC")
        decades = dict.fromkeys(day.year // 10 * 10 for day in years)
        return [(str(decade), f"{decade}s") for decade in decades]

    def queryset(self, request, queryset):
        if not (self.value() and self.value().isdigit()):
            return queryset
        start = int(self.value())
        return queryset.filter(date__year__gte=start, date__year__lt=start + 10)


# Extracted records -------------------------------------------------------------------------

@admin.action(description="Mark selected records verified (locks them whole)")
def mark_verified(modeladmin, request, queryset):
    count = curation.set_review_state(queryset, ReviewState.VERIFIED, user=request.user)
    modeladmin.message_user(request, f"{count} marked verified.")


@admin.action(description="Mark selected records rejected")
def mark_rejected(modeladmin, request, queryset):
    count = curation.set_review_state(queryset, ReviewState.REJECTED, user=request.user)
    modeladmin.message_user(request, f"{count} marked rejected.")


def edited_lists(formsets) -> dict[tuple[type[Extracted], int], set[str]]:
    """The records whose lockable lists the inlines' edits changed, each with the lists' names: for every row added,
    changed or removed, the records it hangs from (before and after a change of them) that keep such rows as a list
    (a participant's meeting; a meeting link's agreement, on the agreement's page or the meeting's)."""
    edited: dict[tuple[type[Extracted], int], set[str]] = {}
    for formset in formsets:
        lists = {fk: curation.row_list(fk.related_model, formset.model) for fk in formset.model._meta.concrete_fields
                 if fk.many_to_one and issubclass(fk.related_model, Extracted)}
        lists = {fk: name for fk, name in lists.items() if name}
        for inline_form in formset.forms:
            if not lists or not inline_form.has_changed():
                continue
            for fk, name in lists.items():
                for pk in {inline_form.initial.get(fk.name), getattr(inline_form.instance, fk.attname)} - {None}:
                    edited.setdefault((fk.related_model, pk), set()).add(name)
    return edited


class ExtractedAdmin(HistoryMixin, admin.ModelAdmin):
    """A record the pipeline wrote: what a curator changes here is locked against re-parsing."""

    actions = [mark_verified, mark_rejected]
    readonly_fields = ["uid", "created_at", "updated_at"]
    list_per_page = 50

    class Media:
        css = {"all": ["events/admin.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "locked_fields":
            return LockedFieldsField(self.model, label="Locked fields", help_text=db_field.help_text)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        carry_shown_values(form)
        return form

    def save_model(self, request, obj, form, change):
        if change:
            # Without the shown values (a POST not made from the page) every filled field looks changed: only what
            # differs from the stored row counts. changed_data is what the save, the M2M writes and the log read.
            form.changed_data = curation.stored_changes(obj, form.changed_data, judge=unshown(form),
                                                        lists=form.cleaned_data)
        settled = curation.settle_curated_dates(obj, form.changed_data)
        if change:
            curation.save_curated(obj, [*form.changed_data, *settled], user=request.user, reason="edited in the admin")
            return
        curation.lock_changed_fields(obj, [*form.changed_data, *settled])
        obj._history_user = request.user
        obj._change_reason = "added in the admin"
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Inline extracted records (tenures in a person) are curated edits too; a participant's change or removal
        # goes into its history with the curator's name. A changed row is saved by CuratedInlineFormSet.
        formset.curator = request.user
        for inline_form in formset.forms:
            if not inline_form.has_changed():
                continue
            instance = inline_form.instance
            if instance.pk is not None and not formset._should_delete_form(inline_form):
                # As on the record's own form: a row posted without its shown values changed only where it differs
                # from the stored row (which then also decides whether the row's list is locked, edited_lists).
                inline_form.changed_data = curation.stored_changes(instance, inline_form.changed_data,
                                                                   judge=unshown(inline_form))
            elif isinstance(instance, Extracted):
                settled = curation.settle_curated_dates(instance, inline_form.changed_data)
                curation.lock_changed_fields(instance, [*inline_form.changed_data, *settled])
            instance._history_user = request.user
            instance._change_reason = "edited in the admin"
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        if change:
            # Only the lists the curator changed (parties): save_m2m sets each to the page's values, and a party an
            # ingest added since the page was opened would go.
            many = {field.name: field for field in type(form.instance)._meta.many_to_many}
            for name in form.changed_data:
                if name in many:
                    many[name].save_form_data(form.instance, form.cleaned_data[name])
        else:
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        # Rows added, changed or removed in an inline (a meeting's participants, an agreement's meeting links) are the
        # curator's list now: locked as a field is, in a version of its own since the record was saved before its
        # inlines. A link edited on a meeting's page is an edit of its agreement's list as much as on the agreement's.
        record = form.instance
        for (model, pk), names in edited_lists(formsets).items():
            owner = record if (model, pk) == (type(record), record.pk) else (
                model._default_manager.select_for_update().filter(pk=pk).first())
            locks = set(names) - set(owner.locked_fields) if owner is not None else set()
            if locks:
                owner.lock(*locks)
                curation.save_as_curator(owner, request.user, f"{', '.join(sorted(locks))} edited in the admin",
                                         update_fields=["locked_fields", "updated_at"])


@admin.register(Person)
class PersonAdmin(RefuseDeleteInUse, ExtractedAdmin):
    actions = [*ExtractedAdmin.actions, merge_selected]
    list_display = ["name", "alias_list", "country", "review_state", "updated_at"]
    list_filter = ["review_state", ("country", RELATED_ONLY)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    inlines = [PersonAliasInline, TenureInline, PersonSourceInline]
    readonly_fields = [*ExtractedAdmin.readonly_fields, "meetings"]

    def get_urls(self):
        duplicates = path("duplicates/", self.admin_site.admin_view(duplicates_view), name="events_duplicates")
        return [duplicates, *super().get_urls()]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, obj: Person) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())

    @admin.display(description="meetings")
    def meetings(self, obj: Person) -> str:
        meetings = Meeting.objects.filter(participants__person=obj).distinct().select_related("country")
        rows = [(reverse("admin:events_meeting_change", args=[m.pk]), m, m.get_review_state_display()) for m in meetings]
        if not rows:
            return "None yet."
        return format_html('<ul class="record-list">{}</ul>',
                           format_html_join("", '<li><a href="{}">{}</a> <span class="quiet">{}</span></li>', rows))


@admin.register(Tenure)
class TenureAdmin(ExtractedAdmin):
    list_display = ["person", "office", "start_date", "end_date", "seen_from", "seen_until", "ended_by", "review_state"]
    readonly_fields = [*ExtractedAdmin.readonly_fields, *TENURE_SIGHTINGS]
    list_filter = ["review_state", "office__kind", ("office__country", RELATED_ONLY), "start_date"]
    list_select_related = ["person", "office__country"]
    search_fields = ["person__name", "person__aliases__name", "office__title"]
    autocomplete_fields = ["person", "office"]
    inlines = [TenureSourceInline]


@admin.register(Meeting)
class MeetingAdmin(ExtractedAdmin):
    actions = [*ExtractedAdmin.actions, merge_selected]
    list_display = ["title_or_occasion", "when", "kind", "status", "participant_list", "city", "country", "review_state"]
    list_filter = ["review_state", DecadeFilter, YearFilter, "kind", "status", ("country", RELATED_ONLY)]
    list_select_related = ["country"]
    search_fields = ["title", "occasion", "city", "summary", "participants__raw_name", "participants__person__name"]
    autocomplete_fields = ["country"]
    date_hierarchy = "date"
    inlines = [ParticipantInline, AgreementMeetingInline, MeetingSourceInline]

    def get_queryset(self, request):
        participants = Participant.objects.select_related("person").order_by("id")
        return super().get_queryset(request).prefetch_related(Prefetch("participants", queryset=participants))

    @admin.display(description="title", ordering="title")
    def title_or_occasion(self, obj: Meeting) -> str:
        return obj.title or obj.occasion or "(untitled)"

    @admin.display(description="date", ordering="date")
    def when(self, obj: Meeting) -> str:
        """The date at its precision: 2024-08-20, 2024-08, 2024."""
        if obj.date is None:
            return "undated"
        return obj.date.isoformat()[:{"month": 7, "year": 4}.get(obj.date_precision, 10)]

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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "aliases":
            return LinesField(label="Aliases", help_text="Other names the articles use for it, one a line.")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parties")

    @admin.display(description="parties")
    def party_list(self, obj: Agreement) -> str:
        return ", ".join(sorted(country.code for country in obj.parties.all()))
