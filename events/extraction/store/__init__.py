"""The one stage that touches the database: a snapshot read up front, and the writes."""
