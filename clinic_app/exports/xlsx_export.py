"""Excel (.xlsx) export of sessions, streamed with XlsxWriter's constant-memory mode.

Safe to open: every text cell is written with ``write_string`` (XlsxWriter's ``write()`` would
store ``=...`` as a formula) and neutralised with the same OWASP prefix as the CSV export, so
a hostile patient name can never become a formula, a link or a DDE call.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from clinic_app.exports.csv_export import COLUMNS, TimeTexts, safe_cell, session_values
from clinic_app.services.results import SessionView

SHEET_NAME = "sessions"
# Column widths in characters, by column name; others get the default.
_WIDTHS = {
    "session_id": 10,
    "date": 11,
    "start": 17,
    "end": 17,
    "chair": 10,
    "mrn": 12,
    "patient": 24,
    "therapy": 22,
    "therapy_name": 24,
    "status": 10,
    "worst_finding": 12,
    "findings": 60,
    "overrides": 50,
    "course_id": 14,
    "prescriber": 30,
}


def write_xlsx(sessions: Iterable[SessionView], path: Path) -> int:
    """Stream sessions into a one-sheet workbook at ``path``. Returns the rows written."""
    import xlsxwriter  # type: ignore[import-untyped]  # 42 modules: only when writing one

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,  # rows are flushed to disk as they are written
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    try:
        sheet = workbook.add_worksheet(SHEET_NAME)
        header = workbook.add_format({"bold": True, "bottom": 1})
        for col, name in enumerate(COLUMNS):
            sheet.set_column(col, col, _WIDTHS.get(name, 12))
            sheet.write_string(0, col, name, header)
        sheet.freeze_panes(1, 0)
        count = 0
        times = TimeTexts()
        for view in sessions:
            count += 1
            for col, value in enumerate(session_values(view, times)):
                if col == 0 and isinstance(value, int):
                    sheet.write_number(count, col, value)
                    continue
                text = safe_cell(value)
                # An empty value stays a blank cell: writing "" would store an inline empty
                # string, a third of a year's 1.5 M cells (no finding, course, prescriber).
                if text:
                    sheet.write_string(count, col, text)
        sheet.autofilter(0, 0, max(count, 1), len(COLUMNS) - 1)
    finally:
        workbook.close()
    return count
