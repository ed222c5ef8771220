from __future__ import annotations

from django.db import models


class CountryManager(models.Manager):
    def get_by_natural_key(self, code: str) -> Country:
        return self.get(code=code)


class Country(models.Model):
    """An ISO 3166-1 country, or an international organisation that acts as a party (the EU as EU, the UN as UN,
    codes ISO 3166 reserves for them), loaded by data migrations so a new database is usable at once."""

    class Kind(models.TextChoices):
        COUNTRY = "country"
        ORGANISATION = "organisation"

    code = models.CharField("ISO 3166-1 alpha-2", max_length=2, unique=True)
    name = models.CharField(max_length=100, help_text="English short name, as the press writes it.")
    official_name = models.CharField(max_length=200, blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text='Other names: "Lao PDR", "Republic of Korea".')
    demonyms = models.JSONField(default=list, blank=True, help_text='Adjectives for its people: "Japanese".')
    capital = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COUNTRY)

    objects = CountryManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def natural_key(self) -> tuple[str]:
        return (self.code,)
