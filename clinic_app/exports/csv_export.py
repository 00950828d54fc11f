"""CSV export of sessions: stable column names, clinic-local ISO times, injection-safe cells.

The column names are part of the app's interface (documented in the README); the XLSX export
uses the same ones.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
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
_FORMULA_FIRST = frozenset(_FORMULA_START)  # one set lookup per cell: 1.5 M cells a year


def safe_cell(value: object) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    text = value if value.__class__ is str else str(value)
    return "'" + text if text[:1] in _FORMULA_FIRST else text


class TimeTexts:
    """A session's date, start and end as text, each distinct time formatted once.

    A year's ~100,000 sessions start and end on a few thousand quarter hours, and
    ``isoformat`` of an aware time asks the zone for its offset every time. Keyed with the
    ``fold``: the two 01:30 of the autumn change compare equal in one zone but are written
    with different offsets.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[tuple[datetime, int], tuple[str, str]] = {}

    def __call__(self, moment: datetime) -> tuple[str, str]:
        """``(date, time)``: ``2026-03-02`` and ``2026-03-02T08:00+00:00``."""
        key = (moment, moment.fold)
        texts = self._seen.get(key)
        if texts is None:
            texts = self._seen[key] = (
                moment.date().isoformat(),
                moment.isoformat(timespec="minutes"),
            )
        return texts


def session_values(view: SessionView, times: TimeTexts | None = None) -> list[object]:
    """The raw values of one session, in ``COLUMNS`` order (not yet neutralised).

    ``times``: a cache shared by the rows of one export."""
    times = times or TimeTexts()
    day, start = times(view.start)
    findings = view.findings
    worst = view.worst if findings else None
    return [
        view.id,
        day,
        start,
        times(view.end)[1],
        view.chair,
        view.mrn,
        view.patient_name,
        view.therapy,
        view.therapy_name,
        view.status,
        worst.value if worst else "",
        "; ".join(f"{f.severity.value} {f.rule}: {f.message}" for f in findings)
        if findings
        else "",
        "; ".join(_override_text(f) for f in view.overridden) if findings else "",
        view.course_id or "",
        view.prescriber.describe() if view.prescriber else "",
    ]


def _override_text(f: FindingView) -> str:
    """``E2 by nina: reason (prescriber consulted: Dr X)``; older overrides name nobody."""
    text = f"{f.rule} by {f.overridden_by}: {f.override_reason}"
    return f"{text} (prescriber consulted: {f.consulted})" if f.consulted else text


def session_row(view: SessionView, times: TimeTexts | None = None) -> list[str]:
    """One CSV row for a session (``times``: shared by the rows of one export)."""
    return [safe_cell(v) for v in session_values(view, times)]


def write_csv(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions into ``path`` as UTF-8 CSV with a header row. Returns the rows written.

    Writes ``path`` directly; callers that need all-or-nothing use ``export_sessions``.
    """
    count = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        times = TimeTexts()
        for view in sessions:
            writer.writerow(session_row(view, times))
            count += 1
    return count


def write_sessions_csv(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions to ``path`` (written to a temporary file, then renamed). Returns rows."""
    with atomic_output(path, ".csv") as tmp:
        return write_csv(sessions, tmp)
