"""Rebuild tests/fixtures/schema_revisions/: one SQLite database per Alembic revision, each
made by the code of the commit where that revision was the newest.

For every revision this checks out its commit into a temporary ``git worktree``, runs
``tools/fill_revision_fixture.py`` with that checkout first on ``PYTHONPATH`` (so the old
code, not this one, migrates and fills the file), and copies the result into the fixture
folder. Run from the repository root with the project's virtual environment:

    .venv/bin/python tools/make_revision_fixtures.py [--only REVISION ...]

The commits are fixed below, so the files come out the same rows every time (timestamps of
the audit trail apart); re-run only to add the fixture of a new revision, with ``--only`` so
the other files stay as they are.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "schema_revisions"
FILLER = ROOT / "tools" / "fill_revision_fixture.py"

# revision: (commit whose code made it, how it fills the tables). 0001 and 0002 arrived in
# one commit, whose services could not run yet (the rule engine came with 0003): its own
# models write the rows. 8be0d2f is the last commit whose newest revision was 0003 (and the
# first where the services ran); 0800884 brought 0004. 0005 and 0006 have no fixture: they
# landed together with 0007, so no release ever had them as its newest revision (see
# NEVER_RELEASED in tests/persistence/test_schema_upgrades.py). ee1878b is the code of 0007
# with this filler's 0007 steps (results, weights, alerts, prescribers, clinic phone);
# 69964da brought 0008 (clinic-server sessions and failed logins; the filler's 0008 step).
# 9b73f75 brought 0009 (idempotency keys of the clinic server; the filler's 0009 step).
# 0b701ae is the code of 0010 (PostgreSQL hardening, no change on SQLite) chained after
# 0008 and 0009: the rows of 0009's steps (b657bf0, where 0010 followed 0007, made it first).
# 6722aa1 is the code of 0014 (the waitlist) with 0011 (the server's role: no change on SQLite),
# 0012 (nurses) and 0013 (forced password change), which landed in the same merge: the
# filler's 0012-0014 steps (nurses, shifts, a break, the ratio, an assignment, a forced
# password change, a waitlist entry).
# 373f3a2 brought 0015 (the stored weekly slot template): the filler's 0015 step builds two
# templates from the booked history, the first superseded by the second.
REVISIONS = {
    "0001": ("33f1f7f", "models"),
    "0002": ("33f1f7f", "models"),
    "0003": ("8be0d2f", "services"),
    "0004": ("0800884", "services"),
    "0007": ("ee1878b", "services"),
    "0008": ("69964da", "services"),
    "0009": ("9b73f75", "services"),
    "0010": ("0b701ae", "services"),
    "0014": ("6722aa1", "services"),
    "0015": ("373f3a2", "services"),
}


def git(*args: str) -> None:
    subprocess.run(["git", "-C", str(ROOT), *args], check=True)


def make(revision: str, commit: str, mode: str, scratch: Path) -> Path:
    """The fixture of ``revision``, made in ``scratch`` by ``commit``'s code."""
    checkout = scratch / f"clinic_app-{commit}"
    database = scratch / f"clinic-{revision}.sqlite3"
    git("worktree", "add", "--detach", "--quiet", str(checkout), commit)
    try:
        subprocess.run(
            [sys.executable, str(FILLER), str(database), revision, str(checkout), mode],
            check=True,
            cwd=scratch,
            env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
        )
    finally:
        git("worktree", "remove", "--force", str(checkout))
    return database


def main(argv: list[str] | None = None) -> int:
    """Make every fixture (or those of ``--only``); replaces their files in the folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(REVISIONS),
        metavar="REVISION",
        help="make only this revision's fixture (repeatable); default: every revision",
    )
    chosen = parser.parse_args(argv).only or list(REVISIONS)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="revision-fixtures-") as tmp:
        for revision, (commit, mode) in REVISIONS.items():
            if revision not in chosen:
                continue
            made = make(revision, commit, mode, Path(tmp))
            shutil.copyfile(made, FIXTURES / made.name)
            print(f"{made.name}: revision {revision}, made by {commit} ({mode})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
