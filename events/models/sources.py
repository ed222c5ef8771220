"""Articles, and the evidence that ties each extracted record to the articles supporting it."""
from __future__ import annotations

from django.db import models


class ArticleManager(models.Manager):
    def get_by_natural_key(self, content_hash: str) -> Article:
        return self.get(content_hash=content_hash)


class Article(models.Model):
    file_name = models.CharField(max_length=500)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text: the same article is read once.")
    ingested_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published", "file_name"]

    def __str__(self) -> str:
        return self.title or self.file_name

    def natural_key(self) -> tuple[str]:
        return (self.content_hash,)


class SourceBase(models.Model):
    """One article supporting one record, with the sentence that says so."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    evidence = models.TextField(blank=True)
    # Offsets in the cleaned text the sentences were split from (events.extraction.text.clean), not the stored
    # text, which keeps the page furniture: the cleaned text is what every offset of the extraction refers to.
    start = models.PositiveIntegerField(null=True, blank=True, help_text="Where the evidence starts in the article.")
    end = models.PositiveIntegerField(null=True, blank=True, help_text="Where the evidence ends in the article.")
    matched = models.JSONField(default=list, blank=True,
                               help_text="The words of the evidence that name the record, as the article wrote them.")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.article}: {self.evidence[:80]}"


class SourceManager(models.Manager):
    def get_by_natural_key(self, record_uid: str, content_hash: str):
        return self.get(record__uid=record_uid, article__content_hash=content_hash)


def source_model(record: str, verbose: str) -> type[SourceBase]:
    """A concrete source table for one kind of record (Person, Tenure, Meeting, Agreement)."""

    def natural_key(self) -> tuple[str, str]:
        return (str(self.record.uid), self.article.content_hash)

    natural_key.dependencies = [f"events.{record.lower()}", "events.article"]
    meta = type("Meta", (), {
        "constraints": [models.UniqueConstraint(fields=["record", "article"], name=f"{record.lower()}_source_once")],
        "verbose_name": f"{verbose} source",
    })
    return type(f"{record}Source", (SourceBase,), {
        "__module__": __name__,
        "record": models.ForeignKey(f"events.{record}", on_delete=models.CASCADE, related_name="sources"),
        "objects": SourceManager(),
        "natural_key": natural_key,
        "Meta": meta,
    })


PersonSource = source_model("Person", "person")
TenureSource = source_model("Tenure", "tenure")
MeetingSource = source_model("Meeting", "meeting")
AgreementSource = source_model("Agreement", "agreement")
