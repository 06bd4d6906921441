"""What every benchmark starts with: Django on DATABASE_URL, or on a fresh SQLite file of its own,
migrated, and a line that says on what it measures."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def database_ready(default_db: Path) -> str:
    """Set up and migrate; `default_db` (under the repository) is deleted first when DATABASE_URL is unset."""
    if "DATABASE_URL" not in os.environ:
        default_db.parent.mkdir(parents=True, exist_ok=True)
        default_db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{default_db.relative_to(REPO)}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    return (f"database: {connection.vendor} ({connection.settings_dict['NAME']}); {os.cpu_count()} cores; "
            f"Python {sys.version.split()[0]}")
