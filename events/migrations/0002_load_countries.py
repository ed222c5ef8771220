"""Load every ISO 3166-1 country from events/data/countries.json.

Reads the data file with the historical model (not loaddata), so it keeps working
after the Country model changes.
"""
import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "countries.json"
FIELDS = ("name", "official_name", "aliases", "demonyms", "capital")


def load_countries(apps, schema_editor):
    Country = apps.get_model("events", "Country")
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=row["code"], **{field: row[field] for field in FIELDS})
        for row in rows
        if row["code"] not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
