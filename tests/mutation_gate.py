"""After `mutmut run`: fail unless every mutant is killed or listed as equivalent, with a reason, in
tests/mutation_equivalents.txt. Prints the count per module (total / killed / survived / equivalent)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {1, 3}  # a failing test; a test that raised on collection or setup counts as caught by mutmut too


def equivalents() -> dict[str, str]:
    listed = {}
    for raw in (ROOT / "tests" / "mutation_equivalents.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not reason.strip():
            sys.exit(f"mutation_equivalents.txt: {name} has no reason")
        listed[name] = reason.strip()
    return listed


def main() -> int:
    listed = equivalents()
    counts: dict[str, Counter] = {}
    failures = []
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(ROOT / "mutants"))[: -len(".meta")]
        counter = counts.setdefault(module, Counter())
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            counter["total"] += 1
            if code in KILLED:
                counter["killed"] += 1
            elif name in listed:
                counter["equivalent"] += 1
            else:
                counter["survived"] += 1
                failures.append(f"{name} (exit code {code}: {'not run' if code is None else 'survived'})")
    if not counts:
        print("no mutants found: run `mutmut run` first", file=sys.stderr)
        return 2
    print(f"{'module':40} {'total':>6} {'killed':>7} {'survived':>9} {'equivalent':>11}")
    for module, c in counts.items():
        print(f"{module:40} {c['total']:6} {c['killed']:7} {c['survived']:9} {c['equivalent']:11}")
    for failure in failures:
        print(f"SURVIVED {failure}  (see `.venv/bin/mutmut show <name>`)", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
