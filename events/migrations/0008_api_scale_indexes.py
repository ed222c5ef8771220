"""Indexes for the API at 100,000 meetings (issue 10), each chosen from EXPLAIN on PostgreSQL (`python -m bench`).

The list-order index and the trigram indexes are made in SQL, outside the models' state: the first differs by
database (see create_list_order_index); the trigram indexes (pg_trgm) serve `search=`, which Django writes as
`UPPER(name) LIKE UPPER('%word%')` and no B-tree can serve, and exist on PostgreSQL only: on SQLite they are skipped.
"""
from django.db import migrations, models

TRIGRAM_INDEXES = {
    # name: (table, column); the expression is the one Django writes for `icontains` on PostgreSQL.
    "person_name_trgm": ("events_person", "name"),
    "person_alias_name_trgm": ("events_personalias", "name"),
    "participant_raw_name_trgm": ("events_participant", "raw_name"),
}


def create_list_order_index(apps, schema_editor) -> None:
    # The API lists meetings by date, latest first, undated last: a page of a filtered list is read off this index
    # and stops at the page's end instead of sorting every meeting that matches. SQLite takes no NULLS LAST in an
    # index, and its NULLs sort last in a descending order anyway.
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "meeting_list_order" ON "events_meeting" ("date" DESC{nulls}, "title", "id")'
    )


def drop_list_order_index(apps, schema_editor) -> None:
    schema_editor.execute('DROP INDEX IF EXISTS "meeting_list_order"')


def create_trigram_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    # Django's TrigramExtension would do this, but its reverse queries pg_extension on SQLite too; the extension
    # stays on reversal, since something else in the database may use it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_office_without_country'),
    ]

    operations = [
        migrations.RunPython(create_list_order_index, drop_list_order_index, elidable=False),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(condition=models.Q(('end_date__isnull', False)), fields=['end_date'],
                               name='meeting_end_date'),
        ),
        migrations.AddIndex(
            model_name='participant',
            index=models.Index(fields=['country', 'meeting'], name='participant_country_meeting'),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
