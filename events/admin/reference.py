"""Reference data (countries, offices), articles, and the tables that link records (hidden from the index)."""
from __future__ import annotations

from django.contrib import admin

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

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


class PlumbingAdmin(admin.ModelAdmin):
    """A table that only links records: edited inside its records' pages, so not listed on the index."""

    def get_model_perms(self, request):
        return {}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
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
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published", "file_name"]
    list_filter = ["published", "outlet"]
    search_fields = ["title", "file_name", "outlet", "url", "content_hash"]
    date_hierarchy = "published"

    def get_readonly_fields(self, request, obj=None):
        # The hash identifies the text that was read; changing it would let the article be read twice.
        return ["content_hash", "ingested_at"] if obj else ["ingested_at"]


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
