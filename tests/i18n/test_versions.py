"""A version's stored change (a Dutch record) reads in the chosen language."""

import pytest
from django.utils import translation

from regie.care.models import version_change_text


@pytest.mark.parametrize(("change", "dutch", "english"), [
    ("toegewezen", "toegewezen", "allocated"),
    ("gestart per 03-02-2025", "gestart per 03-02-2025", "started on 3 Feb 2025"),
    ("gestopt per 28-02-2025", "gestopt per 28-02-2025", "stopped on 28 Feb 2025"),
    ("beëindigd per 31-03-2025: Overlijden", "beëindigd per 31-03-2025: Overlijden", "ended on 31 Mar 2025: Death"),
    ("gewijzigd: categorie 1 → 2, einddatum open → 2025-12-31", "gewijzigd: categorie 1 → 2, einddatum open → 31-12-2025",
     "changed: category 1 → 2, end date open → 31 Dec 2025"),
    ("iets anders", "iets anders", "iets anders"),
])
def test_version_changes_are_shown_in_the_chosen_language(change, dutch, english):
    with translation.override("nl"):
        assert version_change_text(change) == dutch
    with translation.override("en"):
        assert version_change_text(change) == english
