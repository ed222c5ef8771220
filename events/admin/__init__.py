"""The curation interface: the extracted records with their review queue, history and evidence; reference data."""
from . import records, reference  # noqa: F401 (each module registers its models)
