"""The layers of docs/development.md hold: import-linter checks the contracts of pyproject.toml.

Run in `make test` (and so in CI) rather than as a separate step, so a new import that goes the wrong
way fails where every other rule fails, with import-linter's report of the chain that breaks it.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept():
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
                            cwd=ROOT / "src", capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 broken" in report and "6 kept" in report, report  # a contract that vanished is a failure too
