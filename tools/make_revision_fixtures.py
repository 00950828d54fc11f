"""Rebuild tests/fixtures/schema_revisions/: one SQLite database per Alembic revision, each
made by the code of the commit where that revision was the newest.

For every revision this checks out its commit into a temporary ``git worktree``, runs
``tools/fill_revision_fixture.py`` with that checkout first on ``PYTHONPATH`` (so the old
code, not this one, migrates and fills the file), and copies the result into the fixture
folder. Run from the repository root with the project's virtual environment:

    .venv/bin/python tools/make_revision_fixtures.py

The commits are fixed below, so the files come out the same rows every time (timestamps of
the audit trail apart); re-run only to add the fixture of a new revision.
"""

from __future__ import annotations

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
# first where the services ran); 0800884 brought 0004.
REVISIONS = {
    "0001": ("33f1f7f", "models"),
    "0002": ("33f1f7f", "models"),
    "0003": ("8be0d2f", "services"),
    "0004": ("0800884", "services"),
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


def main() -> int:
    """Make every fixture; replaces the files in the fixture folder."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="revision-fixtures-") as tmp:
        for revision, (commit, mode) in REVISIONS.items():
            made = make(revision, commit, mode, Path(tmp))
            shutil.copyfile(made, FIXTURES / made.name)
            print(f"{made.name}: revision {revision}, made by {commit} ({mode})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
