"""CSV export of sessions: stable column names, clinic-local ISO times, injection-safe cells.

The column names are part of the app's interface (documented in the README); the XLSX export
uses the same ones.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from clinic_app.exports.atomic_file import atomic_output
from clinic_app.services.results import FindingView, SessionView

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
    "prescriber",  # added with the prescriber in the loop; columns are only ever appended
)
# OWASP CSV injection: a cell starting with one of these would be run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def session_values(view: SessionView) -> list[object]:
    """The raw values of one session, in ``COLUMNS`` order (not yet neutralised)."""
    return [
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
        "; ".join(_override_text(f) for f in view.overridden),
        view.course_id or "",
        view.prescriber.describe() if view.prescriber else "",
    ]


def _override_text(f: FindingView) -> str:
    """``E2 by nina: reason (prescriber consulted: Dr X)``; older overrides name nobody."""
    text = f"{f.rule} by {f.overridden_by}: {f.override_reason}"
    return f"{text} (prescriber consulted: {f.consulted})" if f.consulted else text


def session_row(view: SessionView) -> list[str]:
    """One CSV row for a session."""
    return [safe_cell(v) for v in session_values(view)]


def write_csv(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions into ``path`` as UTF-8 CSV with a header row. Returns the rows written.

    Writes ``path`` directly; callers that need all-or-nothing use ``export_sessions``.
    """
    count = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for view in sessions:
            writer.writerow(session_row(view))
            count += 1
    return count


def write_sessions_csv(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions to ``path`` (written to a temporary file, then renamed). Returns rows."""
    with atomic_output(path, ".csv") as tmp:
        return write_csv(sessions, tmp)
