from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def create_cache_table(using: str, verbosity: int = 1, **kwargs: Any) -> None:
    """The database cache (CACHE_URL=db://, settings.CACHES) needs its table: make `migrate` create it, as tests do.
    With another cache, the command does nothing."""
    call_command("createcachetable", database=using, verbosity=verbosity)


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Diplomatic events"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="events.create_cache_table")
        # Every committed write to the app's tables makes a new data generation (events.api.response_cache).
        from .api import response_cache

        connection_created.connect(response_cache.install, dispatch_uid="events.watch_writes")
