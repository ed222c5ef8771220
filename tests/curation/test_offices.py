"""An office is its title, country and ministry: an ingest keeps two ministries' posts of one title apart, and a
dataset written when offices were named by title and country alone still loads."""
from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from events.dataset import dump_dataset
from events.models import Office, Tenure
from tests import factories
from tests.curation.ingest import ingest

pytestmark = pytest.mark.django_db

TWO_VICE_MINISTERS = (
    "TOKYO, March 5 (Kyodo) - Foreign Ministry Vice Minister Takehiro Funakoshi met Indian Foreign Secretary Vikram "
    "Misri on Tuesday. Defense Ministry Vice Minister Kazuo Masuda met Indian Defence Secretary Giridhar Aramane in "
    "Tokyo on Tuesday.\n")


def vice_ministers() -> set[tuple[str, str, str]]:
    return set(Tenure.objects.filter(office__title="Vice Minister")
               .values_list("person__name", "office__country__code", "office__ministry"))


def test_two_ministries_vice_ministers_hold_two_offices(ingest_context):
    ingest(ingest_context, TWO_VICE_MINISTERS, "kyodo.txt")
    assert vice_ministers() == {("Takehiro Funakoshi", "JP", "Foreign Ministry"),
                                ("Kazuo Masuda", "JP", "Defense Ministry")}


def test_a_title_given_without_its_ministry_is_the_post_its_holder_has(ingest_context):
    ingest(ingest_context, TWO_VICE_MINISTERS, "kyodo.txt")
    ingest(ingest_context, "Japanese Vice Minister Takehiro Funakoshi met Indian Foreign Secretary Vikram Misri in "
                           "Tokyo on May 7, 2024.\n", "later.txt")
    assert Tenure.objects.filter(person__name="Takehiro Funakoshi").count() == 1


def test_a_dataset_naming_offices_by_title_and_country_still_loads(tmp_path):
    tenure = factories.TenureFactory(office=factories.OfficeFactory(title="Foreign Minister"))
    dump_dataset(tmp_path / "new.json")
    rows = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    for row in rows:  # as dumped before the ministry was part of an office's natural key
        if "office" in row["fields"]:
            row["fields"]["office"] = row["fields"]["office"][:2]
    (tmp_path / "old.json").write_text(json.dumps(rows), encoding="utf-8")
    tenure.delete()
    call_command("loaddata", str(tmp_path / "old.json"), verbosity=0)
    assert Tenure.objects.get().office == Office.objects.get(title="Foreign Minister")
