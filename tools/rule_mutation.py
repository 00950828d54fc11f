"""The mutation run: switch each new rule off in turn and show which tests fail.

    python tools/rule_mutation.py [RULE ...]

Runs the rule tests (unit tests of section 7, the visit story and the result services on
SQLite) once per rule with ``tools/rule_mutation_plugin.py`` switching that rule off, and
prints a table: a rule whose run has no failing test is not covered. Exit code 1 when a rule
is not covered.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ("A6", "B6", "A8", "A9v", "D5p", "R1", "R2", "R3", "R4", "D14", "D1")
TESTS = (
    "tests/unit/test_rules_results.py",
    "tests/services/test_visit_story.py",
    "tests/services/test_lab_results.py",
)


def run(rule: str) -> tuple[int, list[str]]:
    """Run the tests with ``rule`` switched off; (failed count, failed test ids)."""
    env = dict(os.environ, CLINIC_APP_RULE_OFF=rule, QT_QPA_PLATFORM="offscreen")
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "-p", "tools.rule_mutation_plugin", "-k", "not postgresql", "-rf", *TESTS,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    failed = re.findall(r"^FAILED (\S+)", done.stdout, flags=re.MULTILINE)
    if done.returncode not in (0, 1):
        print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
    return len(failed), failed


def main(argv: list[str]) -> int:
    """Print the table; 1 when any rule is not covered by a failing test."""
    rules = argv or list(RULES)
    uncovered = []
    print("| rule switched off | failing tests | which |")
    print("|---|---|---|")
    for rule in rules:
        count, failed = run(rule)
        names = "; ".join(f.split("::", 1)[1] for f in failed) or "NONE - not covered"
        print(f"| {rule} | {count} | {names} |", flush=True)
        if not count:
            uncovered.append(rule)
    return 1 if uncovered else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
