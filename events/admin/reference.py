"""Reference data (countries, offices), articles, and the tables that link records (hidden from the index)."""
from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from events.models import (
    AgreementMeeting,
    AgreementSource,
    Article,
    Country,
    DismissedPair,
    MeetingSource,
    Merge,
    Office,
    Participant,
    PersonAlias,
    PersonSource,
    TenureSource,
)

from .deletion import RefuseDeleteInUse

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


class PlumbingAdmin(admin.ModelAdmin):
    """A table that only links records: edited inside its records' pages, so not listed on the index."""

    def get_model_perms(self, request):
        return {}


@admin.register(Country)
class CountryAdmin(RefuseDeleteInUse, admin.ModelAdmin):
    list_display = ["code", "name", "official_name", "capital"]
    search_fields = ["code", "name", "official_name", "aliases", "demonyms"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["title", "country", "ministry", "kind"]
    list_filter = ["kind", ("country", RELATED_ONLY)]
    list_select_related = ["country"]
    search_fields = ["title", "ministry", "country__name", "country__code"]
    autocomplete_fields = ["country"]


@admin.register(PersonAlias)
class PersonAliasAdmin(PlumbingAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["raw_name", "person", "office", "side", "meeting"]
    # "person is empty" lists the mentions still waiting for a curator to resolve them.
    list_filter = [("person", admin.EmptyFieldListFilter), "side", "meeting__kind"]
    list_select_related = ["person", "office__country", "meeting"]
    search_fields = ["raw_name", "person__name", "meeting__title"]
    autocomplete_fields = ["meeting", "person", "office", "country"]


@admin.register(AgreementMeeting)
class AgreementMeetingAdmin(PlumbingAdmin):
    list_display = ["agreement", "meeting", "role"]
    list_filter = ["role"]
    list_select_related = ["agreement", "meeting"]
    search_fields = ["agreement__name", "meeting__title"]
    autocomplete_fields = ["agreement", "meeting"]


@admin.register(Article)
class ArticleAdmin(RefuseDeleteInUse, admin.ModelAdmin):
    """An article as it was read: its text and metadata read-only, and everything extracted from it."""

    list_display = ["__str__", "outlet", "published", "file_name"]
    list_filter = ["published", "outlet"]
    search_fields = ["title", "file_name", "outlet", "url", "content_hash"]
    date_hierarchy = "published"
    fields = ["title", "outlet", "published", "url", "file_name", "extracted", "article_text", "content_hash",
              "ingested_at"]
    readonly_fields = fields

    class Media:
        css = {"all": ["events/admin.css"]}

    def has_add_permission(self, request):
        return False  # articles come from an ingest, which parses them

    def has_change_permission(self, request, obj=None):
        return False  # the hash identifies the text that was read: a changed text would be read twice

    @admin.display(description="text")
    def article_text(self, article: Article) -> str:
        return format_html('<div class="article-text">{}</div>', article.text)

    @admin.display(description="extracted from it")
    def extracted(self, article: Article) -> str:
        sections = []
        for label, source in (("Persons", PersonSource), ("Tenures", TenureSource), ("Meetings", MeetingSource),
                              ("Agreements", AgreementSource)):
            records = [s.record for s in source.objects.filter(article=article).select_related(*RECORD_PATHS[source])]
            items = [(admin_url(r), r, r.get_review_state_display()) for r in records]
            rows = format_html_join("", '<li><a href="{}">{}</a> <span class="quiet">{}</span></li>', items)
            sections.append((label, len(items), rows or format_html("<li>{}</li>", "none")))
        meetings = MeetingSource.objects.filter(article=article).values("record")
        unresolved = (Participant.objects.filter(meeting__in=meetings, person__isnull=True)
                      .select_related("meeting", "office__country"))
        items = [(admin_url(p), p.raw_name, format_html(", {}", p.office) if p.office_id else "", admin_url(p.meeting),
                  p.meeting) for p in unresolved]
        rows = format_html_join(
            "", '<li><a href="{}">{}</a>{} at <a href="{}">{}</a> <span class="quiet">(choose the person)</span></li>',
            items)
        sections.append(("Participants without a person", len(items), rows or format_html("<li>{}</li>", "none")))
        sections.append(("Offices without a holder", *self._offices_without_holder(article, meetings)))
        return format_html_join("", '<h3>{} ({})</h3><ul class="record-list">{}</ul>', sections)

    @staticmethod
    def _offices_without_holder(article: Article, meetings) -> tuple[int, str]:
        """The offices this article's participants and tenures name that no tenure says anyone holds, each with a
        link to add the holder (the person when a participant in that office has one)."""
        tenures = TenureSource.objects.filter(article=article).values("record__office")
        offices = (Office.objects.filter(Q(participations__meeting__in=meetings) | Q(pk__in=tenures))
                   .filter(tenures__isnull=True).distinct().select_related("country"))
        held_at = {}
        for participant in Participant.objects.filter(meeting__in=meetings, office__in=offices, person__isnull=False):
            held_at.setdefault(participant.office_id, participant.person_id)
        add = reverse("admin:events_tenure_add")
        items = []
        for office in offices:
            query = {"office": office.pk, **({"person": held_at[office.pk]} if office.pk in held_at else {})}
            items.append((office, f"{add}?{urlencode(query)}"))
        rows = format_html_join("", '<li>{} <a href="{}" class="addlink">add who held it</a></li>', items)
        return len(items), rows or format_html("<li>{}</li>", "none")


RECORD_PATHS = {PersonSource: ["record"], TenureSource: ["record__person", "record__office__country"],
                MeetingSource: ["record"], AgreementSource: ["record"]}


def admin_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


class SourceAdmin(PlumbingAdmin):
    list_display = ["record", "article", "evidence"]
    search_fields = ["evidence", "article__title", "article__file_name"]
    autocomplete_fields = ["record", "article"]


admin.site.register(PersonSource, SourceAdmin, list_select_related=["record", "article"])
admin.site.register(TenureSource, SourceAdmin, list_select_related=["record__person", "record__office__country",
                                                                   "article"])
admin.site.register(MeetingSource, SourceAdmin, list_select_related=["record", "article"])
admin.site.register(AgreementSource, SourceAdmin, list_select_related=["record", "article"])


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    """Where each merged record went: written by the merge action, never by hand."""

    list_display = ["kind", "old_label", "old_id", "survivor_uid", "merged_by", "merged_at"]
    list_filter = ["kind"]
    list_select_related = ["merged_by"]
    search_fields = ["old_label", "=old_uid", "=survivor_uid"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DismissedPair)
class DismissedPairAdmin(PlumbingAdmin):
    """Pairs a curator said are not duplicates (from the possible duplicates page); delete one to see it again."""

    list_display = ["kind", "first_uid", "second_uid", "dismissed_by", "dismissed_at"]
    list_filter = ["kind"]
    list_select_related = ["dismissed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
