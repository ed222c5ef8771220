"""Territories no longer carry their sovereign's demonym.

The Northern Mariana Islands had "American" (and Hong Kong and Macao "Chinese", Martinique "French", ...). Demonyms
are looked up first come first served in code order, so "American Secretary of State X" made X an official of the
Northern Mariana Islands. Rows a curator has changed since they were loaded are left alone.
"""
from django.db import migrations

# code: (demonyms as first loaded, demonyms now)
CHANGED = {
    "HK": (["Chinese"], ["Hongkonger", "Hong Konger"]),
    "MO": (["Chinese"], ["Macanese"]),
    "IO": (["Indian"], []),
    "MP": (["American"], ["Northern Mariana Islander"]),
    "MQ": (["French"], ["Martinican"]),
    "PM": (["French"], ["Saint-Pierrais"]),
    "RE": (["French"], ["Réunionese"]),
    "SJ": (["Norwegian"], []),
    "TF": (["French"], []),
    "YT": (["French"], ["Mahoran"]),
}


def update(apps, schema_editor, *, forward: bool = True) -> None:
    Country = apps.get_model("events", "Country")
    for country in Country.objects.filter(code__in=CHANGED):
        old, new = CHANGED[country.code]
        if forward and country.demonyms == old:
            country.demonyms = new
        elif not forward and country.demonyms == new:
            country.demonyms = old
        else:
            continue
        country.save(update_fields=["demonyms"])


def restore(apps, schema_editor) -> None:
    update(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("events", "0014_office_in_a_ministry")]

    operations = [migrations.RunPython(update, restore)]
