"""Django's loaddata, then the links a dataset no longer carries removed from the records it owns (events.dataset)."""
from django.core.management.commands import loaddata

from events.dataset import loaded_rows, remove_links_not_loaded


class Command(loaddata.Command):
    help = (loaddata.Command.help + " Then removes the participants, agreement-meeting links and aliases of the loaded "
            "records the dataset owns (verified or rejected there, or with that list locked) that it does not carry.")

    def loaddata(self, fixture_labels) -> None:
        # Inside the load's transaction (handle() opens it): the removals are undone with the load if it fails.
        with loaded_rows() as loaded:
            super().loaddata(fixture_labels)
        removed = remove_links_not_loaded(loaded, label=", ".join(fixture_labels))
        if self.verbosity >= 1 and removed:
            self.stdout.write(f"Removed {len(removed)} link(s) the dataset does not carry.")
        if self.verbosity >= 2:
            for line in removed:
                self.stdout.write(f"  removed {line}")
