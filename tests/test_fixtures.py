"""Country data after migrate, and natural-key fixtures that move between databases."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from events import models
from events.dataset import dataset_models, dump_dataset
from tests.samples import create_one_of_each, portable_snapshot, snapshot

pytestmark = pytest.mark.django_db

COUNTRY_FILE = Path(settings.BASE_DIR) / "events" / "data" / "countries.json"


def test_every_iso_country_is_present_after_migrate():
    codes = {row["code"] for row in json.loads(COUNTRY_FILE.read_text(encoding="utf-8"))}
    countries = models.Country.objects.filter(kind=models.Country.Kind.COUNTRY)
    assert (len(codes), set(countries.values_list("code", flat=True))) == (249, codes)


def test_international_organisations_stand_beside_countries_after_migrate():
    organisations = models.Country.objects.filter(kind=models.Country.Kind.ORGANISATION)
    assert set(organisations.values_list("code", flat=True)) == {"EU", "UN"}


def test_country_data_is_loaded_whole():
    japan = models.Country.objects.get(code="JP")
    assert (japan.name, "Japanese" in japan.demonyms, japan.capital) == ("Japan", True, "Tokyo")


def test_country_aliases_are_loaded():
    assert "Republic of Korea" in models.Country.objects.get(code="KR").aliases


def dump(path: Path) -> None:
    dump_dataset(path)


def delete_events_records() -> None:
    """Empty every events table but the countries, which every database has from its migration."""
    for model in reversed(list(apps.get_app_config("events").get_models())):
        if model is not models.Country:
            model._default_manager.all().delete()


def test_dump_holds_every_model(tmp_path):
    create_one_of_each()
    dump(tmp_path / "events.json")
    dumped = {row["model"] for row in json.loads((tmp_path / "events.json").read_text())}
    assert dumped == {model._meta.label_lower for model in dataset_models()}


def test_dump_has_no_primary_keys(tmp_path):
    # Primary keys differ between databases; a dump that carried them would collide on load.
    create_one_of_each()
    dump(tmp_path / "events.json")
    assert [row for row in json.loads((tmp_path / "events.json").read_text()) if "pk" in row] == []


def test_natural_key_dump_loads_into_an_empty_database(tmp_path):
    create_one_of_each()
    before = snapshot()
    dump(tmp_path / "events.json")
    delete_events_records()
    assert models.Person.objects.count() == 0
    call_command("loaddata", str(tmp_path / "events.json"), verbosity=0)
    assert snapshot() == before


def test_loading_a_dump_twice_changes_nothing(tmp_path):
    create_one_of_each()
    before = snapshot()
    dump(tmp_path / "events.json")
    call_command("loaddata", str(tmp_path / "events.json"), verbosity=0)
    assert snapshot() == before


# Builds the records in a fresh SQLite database of its own, then dumps them.
SQLITE_DUMP_SCRIPT = """
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")
django.setup()
from django.core.management import call_command
from tests.samples import create_one_of_each, portable_snapshot
call_command("migrate", verbosity=0)
create_one_of_each()
from events.dataset import dump_dataset
dump_dataset(sys.argv[1])
print(json.dumps(portable_snapshot()))
"""


def test_sqlite_dump_loads_into_this_database(tmp_path):
    """On a PostgreSQL test run this is the SQLite to PostgreSQL move."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'source.sqlite3'}", "DEBUG": "1"}
    fixture = tmp_path / "from_sqlite.json"
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_DUMP_SCRIPT, str(fixture)],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True,
    )
    in_sqlite = json.loads(result.stdout.strip().splitlines()[-1])
    call_command("loaddata", str(fixture), verbosity=0)
    assert portable_snapshot() == in_sqlite
