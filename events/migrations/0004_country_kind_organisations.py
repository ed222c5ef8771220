"""Countries get a kind, and international organisations that act as parties (the EU, the UN) are loaded
from events/data/organisations.json, with the historical model."""
import json
from pathlib import Path

from django.db import migrations, models

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "organisations.json"
FIELDS = ("name", "official_name", "aliases", "demonyms", "capital")


def load_organisations(apps, schema_editor):
    Country = apps.get_model("events", "Country")
    for row in json.loads(DATA_FILE.read_text(encoding="utf-8")):
        Country.objects.update_or_create(
            code=row["code"], defaults={"kind": "organisation", **{field: row[field] for field in FIELDS}}
        )


def unload_organisations(apps, schema_editor):
    Country = apps.get_model("events", "Country")
    Country.objects.filter(kind="organisation").delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0003_api_indexes")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="kind",
            field=models.CharField(
                choices=[("country", "Country"), ("organisation", "Organisation")], default="country", max_length=12
            ),
        ),
        migrations.RunPython(load_organisations, unload_organisations),
    ]
