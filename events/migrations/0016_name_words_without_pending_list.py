"""The word indexes of person names and aliases (0013) without GIN's pending list, on PostgreSQL.

snapshot.known_people reads these indexes once for every article an ingest takes, right after the previous
article wrote its persons and aliases. With GIN's default `fastupdate`, new entries wait in a pending list that every
search reads through until (auto)vacuum merges it: measured during a 1,000-article ingest, the look-up took 1.4 ms
for each index where the merged index took 0.06 ms, and the list grows with the ingest (up to 4 MB). Without it an
insert writes its few words straight into the index. The list already there is merged now.
"""
from django.db import migrations

INDEXES = ("person_name_words", "person_alias_name_words")


def without_pending_list(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f'ALTER INDEX "{index}" SET (fastupdate = off)')
        schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def with_pending_list(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f'ALTER INDEX "{index}" RESET (fastupdate)')


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0015_territory_demonyms'),
    ]

    operations = [
        migrations.RunPython(without_pending_list, with_pending_list, elidable=False),
    ]
