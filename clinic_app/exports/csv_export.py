"""CSV export of sessions: stable column names, clinic-local ISO times, injection-safe cells."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from clinic_app.services.results import SessionView

COLUMNS = (
    "session_id",
    "date",
    "start",
    "end",
    "chair",
    "mrn",
    "patient",
    "therapy",
    "therapy_name",
    "status",
    "worst_finding",
    "findings",
    "overrides",
    "course_id",
)
# OWASP CSV injection: a cell starting with one of these would be run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def session_row(view: SessionView) -> list[str]:
    """One CSV row for a session."""
    return [
        safe_cell(v)
        for v in (
            view.id,
            view.start.date().isoformat(),
            view.start.isoformat(timespec="minutes"),
            view.end.isoformat(timespec="minutes"),
            view.chair,
            view.mrn,
            view.patient_name,
            view.therapy,
            view.therapy_name,
            view.status,
            view.worst.value if view.worst else "",
            "; ".join(f"{f.severity.value} {f.rule}: {f.message}" for f in view.findings),
            "; ".join(
                f"{f.rule} by {f.overridden_by}: {f.override_reason}" for f in view.overridden
            ),
            view.course_id or "",
        )
    ]


def write_sessions_csv(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions to ``path`` (written to a temporary file, then renamed). Returns rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for view in sessions:
                writer.writerow(session_row(view))
                count += 1
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count
