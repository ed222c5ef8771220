"""The curation interface: the extracted records with their review queue, history and evidence; reference data.

The index opens with the review dashboard (templatetags/curation.py), which links to each queue and to the
possible duplicates page (served by the person admin).
"""
from django.contrib import admin

from . import records, reference  # noqa: F401 (each module registers its models)

admin.site.index_template = "admin/events/index.html"
# The sidebar repeats the index on every page and takes 300 px of a 1366 px screen from the lists and the evidence.
admin.site.enable_nav_sidebar = False
