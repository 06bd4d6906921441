"""The benchmarks still run: each at a tiny size, in its own process and database, so a change of a
service's signature cannot leave `make bench` broken unnoticed (it once did: tariff_add's actor)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("script", "arguments", "expected"), [
    ("settle.py", ["--clients", "40"], "sql floor s"),
    ("monitoring.py", ["--clients", "40", "--calls", "1"], "office · volume+cost"),
    ("ingest.py", ["--messages", "2", "--lines", "10"], "inbox s"),
])
def test_a_benchmark_runs_at_a_tiny_size(tmp_path, script, arguments, expected):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run([sys.executable, str(REPO / "bench" / script), *arguments], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert expected in done.stdout
