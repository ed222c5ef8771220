"""Where a merged record went: a loser's old id still leads to the record it became part of."""
from __future__ import annotations

from django.conf import settings
from django.db import models


class MergeManager(models.Manager):
    def get_by_natural_key(self, kind: str, old_uid: str) -> Merge:
        return self.get(kind=kind, old_uid=old_uid)


class Merge(models.Model):
    """One record merged into another and deleted; its id and uid kept so that old links still resolve."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        MEETING = "meeting", "Meeting"
        AGREEMENT = "agreement", "Agreement"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    old_id = models.PositiveBigIntegerField(help_text="The merged record's id, as the API and admin showed it.")
    old_uid = models.UUIDField()
    old_label = models.CharField(max_length=300, help_text="What the merged record was called.")
    survivor_uid = models.UUIDField(help_text="The record it was merged into (re-pointed when that merges too).")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)

    objects = MergeManager()

    class Meta:
        ordering = ["-merged_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_id"], name="merge_old_id_once"),
            models.UniqueConstraint(fields=["kind", "old_uid"], name="merge_old_uid_once"),
        ]
        # The unique constraints index (kind, old_id): the API's lookup of a merged id.
        indexes = [
            # Re-pointing the merges into a record that is itself merged: filter(kind=, survivor_uid=).
            models.Index(fields=["kind", "survivor_uid"], name="merge_survivor"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.old_label} (#{self.old_id}) merged into {self.survivor_uid}"

    def natural_key(self) -> tuple[str, str]:
        return (self.kind, str(self.old_uid))


class DismissedPairManager(models.Manager):
    def get_by_natural_key(self, kind: str, first_uid: str, second_uid: str) -> DismissedPair:
        return self.get(kind=kind, first_uid=first_uid, second_uid=second_uid)


class DismissedPair(models.Model):
    """Two records a curator has said are not one: never proposed as possible duplicates again."""

    kind = models.CharField(max_length=10, choices=Merge.Kind.choices)
    first_uid = models.UUIDField(help_text="The lower of the two uids.")
    second_uid = models.UUIDField()
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    dismissed_at = models.DateTimeField(auto_now_add=True)

    objects = DismissedPairManager()

    class Meta:
        ordering = ["-dismissed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "first_uid", "second_uid"], name="dismissed_pair_once"),
            models.CheckConstraint(condition=models.Q(first_uid__lt=models.F("second_uid")),
                                   name="dismissed_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.first_uid} is not {self.second_uid}"

    def natural_key(self) -> tuple[str, str, str]:
        return (self.kind, str(self.first_uid), str(self.second_uid))
