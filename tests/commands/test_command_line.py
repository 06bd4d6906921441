"""The commands as an operator runs them: `python manage.py <command>`, honouring DATABASE_URL."""

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REGION, Files

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["setup-region", "import-catalogue", "index-tariffs", "import-providers", "import-contracts",
            "import-clients", "import-allocations", "declare", "settle"]


def manage(*args, database: Path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run([sys.executable, "manage.py", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_help_lists_every_command(tmp_path):
    result = manage("help", database=tmp_path / "db.sqlite3")
    assert result.returncode == 0, result.stderr
    listed = {line.strip() for line in result.stdout.splitlines()}
    assert set(COMMANDS) <= listed


def test_errors_go_to_stderr_as_one_line_with_a_non_zero_exit(tmp_path):
    broken = {**REGION, "municipalities": [{**REGION["municipalities"][0], "population": "veel"}]}
    path = Files(tmp_path).json("region.json", broken)
    result = manage("setup-region", path, database=tmp_path / "db.sqlite3")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:6: municipalities[0].population: 'veel' ")
    assert result.stderr.endswith(" [integer-invalid]\n") and result.stderr.count("\n") == 1
