"""The printed daily list: the chairs one after another, then the lab station.

Chairs follow each other on a page when they fit (a chair's heading is never left alone at the
bottom of a page; a page that starts inside a chair's table names it "continued"), and the
lab station starts on a page of its own. Every page carries the clinic's name and the date,
and "Page X of Y" (two passes: the first counts the pages). A chair whose patients carry a
co-therapy flag says so in its heading, and each flagged row is tinted, barred in red and
marked "CO-THERAPY" in words (a flag must survive a black-and-white printer). The same
painting serves the print preview, the printer and "Save as PDF".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from clinic_app.exports import print_dates
from clinic_app.exports.pdf_export import (
    BODY,
    FLAG_COLOUR,
    FLAG_FILL,
    FLAG_TEXT,
    HEADING,
    MUTED_COLOUR,
    TITLE,
    Column,
    PageCanvas,
    PageSize,
    RowStyle,
    TableRow,
    TextStyle,
    count_pages,
    findings_text,
    flag_text,
    write_document_pdf,
)
from clinic_app.services.results import DayList, LabView, SessionView, flagged_sessions

STATUS_WORDS: dict[str, object] = {
    "booked": QT_TRANSLATE_NOOP("DailyList", "Booked"),
    "arrived": QT_TRANSLATE_NOOP("DailyList", "Arrived"),
    "in-chair": QT_TRANSLATE_NOOP("DailyList", "In chair"),
    "completed": QT_TRANSLATE_NOOP("DailyList", "Completed"),
    "no-show": QT_TRANSLATE_NOOP("DailyList", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("DailyList", "Cancelled"),
}


def status_text(status: str) -> str:
    """A session status in words for people (translated)."""
    return QCoreApplication.translate("DailyList", str(STATUS_WORDS.get(status, status)))


def chair_sort_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order of chair names: ``Chair 2`` before ``Chair 10``."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.split(r"(\d+)", name)
        if part
    )


def chair_groups(sessions: Sequence[SessionView]) -> list[tuple[str, list[SessionView]]]:
    """Sessions grouped by chair (chairs in natural order), each group by start time."""
    groups: dict[str, list[SessionView]] = {}
    for view in sessions:
        groups.setdefault(view.chair, []).append(view)
    return [
        (chair, sorted(groups[chair], key=lambda v: (v.start, v.id or 0)))
        for chair in sorted(groups, key=chair_sort_key)
    ]


def _session_rows(sessions: Sequence[SessionView]) -> Iterator[TableRow]:
    for view in sessions:
        flagged = view.cotherapy_flagged
        muted = view.status in ("cancelled", "no-show")
        status = status_text(view.status)
        if view.status_reason:
            status += f": {view.status_reason}"
        yield TableRow(
            (
                f"{view.start:%H:%M}-{view.end:%H:%M}",
                view.patient_name,
                view.mrn,
                view.therapy_name,
                status,
                flag_text(view),
                findings_text(view),
            ),
            RowStyle(
                fill=FLAG_FILL if flagged else None,
                marker=FLAG_COLOUR if flagged else None,
                text=TextStyle(colour=MUTED_COLOUR) if muted else BODY,
                cell_styles={5: FLAG_TEXT} if flagged else {},
            ),
        )


def _lab_rows(labs: Sequence[LabView], *, overdue: bool) -> Iterator[TableRow]:
    for lab in labs:
        when = f"{lab.start:%Y-%m-%d %H:%M}" if overdue else f"{lab.start:%H:%M}"
        yield TableRow(
            (
                when,
                lab.patient_name,
                lab.mrn,
                ", ".join(lab.tests),
                f"{print_dates.day_month(lab.due_from)} \u2013 {print_dates.day_month(lab.due_to)}",
                ", ".join(lab.labels or lab.rules) or "\u2013",
                status_text(lab.status),
            ),
            RowStyle(
                fill=FLAG_FILL if overdue else None,
                marker=FLAG_COLOUR if overdue else None,
                text=TextStyle(colour=MUTED_COLOUR) if lab.status == "cancelled" else BODY,
            ),
        )


def render_day_list(
    device: QPagedPaintDevice, day_list: DayList, *, clinic_name: str, printed_at: datetime
) -> int:
    """Paint the daily list on ``device`` (a printer or a PDF writer); returns the pages."""
    total = count_pages(
        device, lambda scratch: _paint(scratch, day_list, clinic_name, printed_at, None)
    )
    return _paint(device, day_list, clinic_name, printed_at, total)


# Room a chair's heading needs below it (its summary, the table's heading row and two rows).
_CHAIR_START_MM = 24.0


def _paint(
    device: QPagedPaintDevice,
    day_list: DayList,
    clinic_name: str,
    printed_at: datetime,
    page_total: int | None,
) -> int:
    tr = QCoreApplication.translate
    date_text = print_dates.long_date(day_list.day)
    section = {"title": ""}

    def header(canvas: PageCanvas) -> None:
        canvas.text_pair(clinic_name, date_text, TITLE, after_mm=0.5)
        canvas.text_pair(
            section["title"],
            tr("DailyList", "Daily list"),
            HEADING,
            after_mm=0.8,
        )
        canvas.rule("#303030")

    footer = (
        tr("DailyList", "%1 - daily list for %2 - printed %3")
        .replace("%1", clinic_name)
        .replace("%2", print_dates.short_date(day_list.day))
        .replace("%3", print_dates.short_date_time(printed_at))
    )
    session_columns = (
        Column(tr("DailyList", "Time"), 10),
        Column(tr("DailyList", "Patient"), 15),
        Column(tr("DailyList", "MRN"), 9),
        Column(tr("DailyList", "Therapy"), 14),
        Column(tr("DailyList", "Status"), 10),
        Column(tr("DailyList", "Flags"), 13),
        Column(tr("DailyList", "Findings and override (who, why)"), 37),
    )
    lab_columns = (
        Column(tr("DailyList", "Time"), 13),
        Column(tr("DailyList", "Patient"), 15),
        Column(tr("DailyList", "MRN"), 9),
        Column(tr("DailyList", "Tests"), 21),
        Column(tr("DailyList", "Due window"), 16),
        Column(tr("DailyList", "For"), 15),
        Column(tr("DailyList", "Status"), 8),
    )
    groups = chair_groups(day_list.sessions)
    has_labs = bool(day_list.labs or day_list.overdue_labs)

    def chair_heading(chair: str, sessions: list[SessionView]) -> None:
        canvas.ensure(canvas.mm(_CHAIR_START_MM))
        flagged = len(flagged_sessions(sessions))
        canvas.text_pair(
            chair,
            tr("DailyList", "Sessions: %1").replace("%1", str(len(sessions))),
            HEADING,
            after_mm=0.6,
        )
        if flagged:
            canvas.text(
                "\u26a0 "
                + tr("DailyList", "Co-therapy flags on this chair: %1").replace("%1", str(flagged)),
                FLAG_TEXT,
                after_mm=0.6,
            )

    section["title"] = tr("DailyList", "Chairs") if groups else tr("DailyList", "Lab station")
    with PageCanvas(device, footer=footer, header=header, page_total=page_total) as canvas:
        for chair, sessions in groups:
            section["title"] = tr("DailyList", "Chairs")
            chair_heading(chair, sessions)
            # A page that begins inside this chair's table says whose rows continue there.
            section["title"] = tr("DailyList", "%1 (continued)").replace("%1", chair)
            canvas.table(session_columns, _session_rows(sessions))
            canvas.space(4)
        if has_labs:
            section["title"] = tr("DailyList", "Lab station")
            if groups:
                canvas.new_page()
            if day_list.overdue_labs:
                canvas.text(
                    "\u26a0 " + tr("DailyList", "Due and not done"),
                    TextStyle(HEADING.point_size, bold=True, colour=FLAG_COLOUR),
                )
                canvas.table(lab_columns, _lab_rows(day_list.overdue_labs, overdue=True))
                canvas.space(5)
            canvas.text(tr("DailyList", "Lab draws today"), HEADING)
            if day_list.labs:
                canvas.table(lab_columns, _lab_rows(day_list.labs, overdue=False))
            else:
                canvas.text(tr("DailyList", "No lab draws today."), BODY)
        if not groups and not has_labs:
            canvas.text(tr("DailyList", "Nothing is booked for this day."), BODY)
        return canvas.page


def write_day_list_pdf(
    day_list: DayList,
    path: Path,
    *,
    clinic_name: str,
    printed_at: datetime,
    page_size: PageSize | str = PageSize.A4,
) -> int:
    """Save the printed daily list as a landscape PDF; returns the pages."""
    pages: list[int] = []
    title = QCoreApplication.translate("DailyList", "Daily list %1").replace(
        "%1", print_dates.short_date(day_list.day)
    )
    write_document_pdf(
        path,
        lambda device: pages.append(
            render_day_list(device, day_list, clinic_name=clinic_name, printed_at=printed_at)
        ),
        page_size=page_size,
        landscape=True,
        title=title,
    )
    return pages[0]
