"""Indexes for lookups by words at 100,000 records (issue 10): the words of person names and aliases, for
snapshot.known_people; trigrams of meetings' titles and occasions, for the meetings' `search=`.

An ingest asks, for each article, which persons share a name word with it. As a regular expression over every name
that read every person and alias (340 ms an article at 20,000 persons on either database). These indexes answer it
from the words instead; known_people still applies the regular expression to what they return, so its answer is
unchanged.

PostgreSQL: a GIN index on the name lowered and split at the expression's separators (space, dot, apostrophe,
hyphen); an expression index, so it is always current. The expression is a function declared dear (COST): with the
split's default cost the planner took a sequential scan of the aliases, which splits every alias (50 ms at 20,000).
SQLite: an FTS5 table over each name column, kept current by triggers (unicode61 splits at those separators and more, and folds case: it finds a superset). A later migration that remakes
events_person or events_personalias on SQLite drops its triggers: it must run create_indexes again
(tests/test_known_people.py fails otherwise).

Meetings' `search=` reads the title, the occasion and the participants' names (events.api.filters.MeetingFilter); as
one OR across the tables PostgreSQL read every meeting. Written as a union of four halves, each half is read through
a trigram index: the two made here (PostgreSQL only, like 0008's), 0008's on participants' raw names, and
persons_named's on persons and aliases. `python -m bench.probe explain` checks the plan.
"""
from django.db import migrations

TRIGRAM_INDEXES = {
    # name: (table, column); the expression is the one Django writes for `icontains` on PostgreSQL.
    "meeting_title_trgm": ("events_meeting", "title"),
    "meeting_occasion_trgm": ("events_meeting", "occasion"),
}
TABLES = {"person_name_words": "events_person", "person_alias_name_words": "events_personalias"}
# The separators of events.extraction.store.snapshot.NAME_WORD_SEPARATORS, quoted for SQL.
SEPARATORS = "[ .''-]"


def create_indexes(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # plpgsql, which the planner never inlines, so that the COST holds.
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION events_name_words(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE "
            f"STRICT PARALLEL SAFE COST 1000 AS $$ BEGIN RETURN regexp_split_to_array(lower(name), '{SEPARATORS}'); "
            "END $$")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, (table, column) in TRIGRAM_INDEXES.items():
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                                  f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')
    for index, table in TABLES.items():
        if vendor == "postgresql":
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{index}" ON "{table}" USING gin '
                                  '((events_name_words("name")))')
        elif vendor == "sqlite":
            schema_editor.execute(f'CREATE VIRTUAL TABLE IF NOT EXISTS "{index}" USING fts5(name, content="{table}", '
                                  "content_rowid=\"id\", tokenize='unicode61 remove_diacritics 0')")
            remove = f"INSERT INTO \"{index}\"(\"{index}\", rowid, name) VALUES ('delete', old.id, old.name);"
            add = f'INSERT INTO "{index}"(rowid, name) VALUES (new.id, new.name);'
            for suffix, event, body in (("insert", "INSERT", add), ("delete", "DELETE", remove),
                                        ("update", "UPDATE OF name", remove + " " + add)):
                schema_editor.execute(f'CREATE TRIGGER IF NOT EXISTS "{index}_{suffix}" AFTER {event} ON "{table}" '
                                      f"BEGIN {body} END")
            schema_editor.execute(f"INSERT INTO \"{index}\"(\"{index}\") VALUES ('rebuild')")


def drop_indexes(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for index in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index}"')
        elif vendor == "sqlite":
            for suffix in ("insert", "delete", "update"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{index}_{suffix}"')
            schema_editor.execute(f'DROP TABLE IF EXISTS "{index}"')
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS events_name_words(text)")
        for name in TRIGRAM_INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0012_alias_party_link_history'),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
