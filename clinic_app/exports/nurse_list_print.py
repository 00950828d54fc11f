"""The daily list printed by nurse (issue 14): one page per nurse, then the unassigned.

Each nurse of the day's rota gets a page of her own with the patients she looks after
(``AssignedSessionView.looked_after_by``: most of the session, or its set-up or take-down) in
time order: chair, time, patient, therapy, flags, the lab draws due and who else has a part of
the session. The last section lists the sessions no nurse has (a day without a rota lists all
of them there, and says why). Co-therapy flags print in words as on the daily list, so they
survive a black-and-white printer. The same painting serves the preview, the printer and PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from clinic_app.exports import print_dates
from clinic_app.exports.daily_list_print import chair_sort_key
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
    flag_text,
    write_document_pdf,
)
from clinic_app.services.results import DayList, LabView, SessionView
from clinic_app.services.staffing import AssignedSessionView, DayAssignmentView

# Statuses that need no nurse: these sessions are not on anyone's page.
_NO_CARE = ("cancelled", "no-show")


def _tr(text: str) -> str:
    return QCoreApplication.translate("NurseList", text)


def nurse_sections(
    day_list: DayList, assignment: DayAssignmentView
) -> list[tuple[str | None, list[SessionView]]]:
    """(nurse, her sessions in time then chair order) for each nurse of the day's rota, then
    (None, the sessions no nurse looks after). Cancelled and no-show sessions are left out."""

    def order(views: list[SessionView]) -> list[SessionView]:
        return sorted(views, key=lambda v: (v.start, chair_sort_key(v.chair), v.id or 0))

    live = [v for v in day_list.sessions if v.status not in _NO_CARE]
    by_id = {a.session_id: a for a in assignment.sessions}
    sections: list[tuple[str | None, list[SessionView]]] = []
    covered: set[int | None] = set()
    for nurse in assignment.nurses:
        mine = [v for v in live if v.id in by_id and by_id[v.id].looked_after_by(nurse.nurse)]
        covered.update(v.id for v in mine)
        sections.append((nurse.nurse, order(mine)))
    sections.append((None, order([v for v in live if v.id not in covered])))
    return sections


def labs_due(view: SessionView, day_list: DayList) -> str:
    """The patient's lab draws due today or overdue (not cancelled), one per line."""
    lines = []
    for lab, overdue in _labs_of(view.mrn, day_list):
        tests = ", ".join(lab.tests)
        if overdue:
            lines.append("\u26a0 " + _tr("%1 (due and not done)").replace("%1", tests))
        else:
            lines.append(_tr("%1 at %2").replace("%1", tests).replace("%2", f"{lab.start:%H:%M}"))
    return "\n".join(lines)


def _labs_of(mrn: str, day_list: DayList) -> Iterator[tuple[LabView, bool]]:
    for labs, overdue in ((day_list.overdue_labs, True), (day_list.labs, False)):
        for lab in labs:
            if lab.mrn == mrn and lab.status != "cancelled":
                yield lab, overdue


def _others(assigned: AssignedSessionView | None, nurse: str | None) -> str:
    """The parts of the session in another nurse's care (the hand-offs), one per line; for
    an unassigned session (``nurse`` None) every part, so "no nurse free" shows where."""
    if assigned is None:
        return ""
    kinds = {
        "set-up": _tr("set-up"),
        "monitoring": _tr("monitoring"),
        "take-down": _tr("take-down"),
    }
    return "\n".join(
        f"{c.start:%H:%M}-{c.end:%H:%M} {kinds.get(c.kind, c.kind)}: "
        + (c.nurse or _tr("no nurse free"))
        for c in assigned.care
        if nurse is None or c.nurse != nurse  # the unassigned: every part, "no nurse free"
    )


def _rows(
    sessions: Sequence[SessionView],
    nurse: str | None,
    day_list: DayList,
    by_id: dict[int, AssignedSessionView],
) -> Iterator[TableRow]:
    for view in sessions:
        flagged = view.cotherapy_flagged
        yield TableRow(
            (
                view.chair,
                f"{view.start:%H:%M}-{view.end:%H:%M}",
                view.patient_name,
                view.mrn,
                view.therapy_name,
                flag_text(view),
                labs_due(view, day_list),
                _others(by_id.get(view.id or 0), nurse),
            ),
            RowStyle(
                fill=FLAG_FILL if flagged else None,
                marker=FLAG_COLOUR if flagged else None,
                text=BODY,
                cell_styles={5: FLAG_TEXT} if flagged else {},
            ),
        )


def render_nurse_list(
    device: QPagedPaintDevice,
    day_list: DayList,
    assignment: DayAssignmentView,
    *,
    clinic_name: str,
    printed_at: datetime,
) -> int:
    """Paint the daily list by nurse on ``device`` (a printer or a PDF writer); the pages."""
    total = count_pages(
        device,
        lambda scratch: _paint(scratch, day_list, assignment, clinic_name, printed_at, None),
    )
    return _paint(device, day_list, assignment, clinic_name, printed_at, total)


def _paint(
    device: QPagedPaintDevice,
    day_list: DayList,
    assignment: DayAssignmentView,
    clinic_name: str,
    printed_at: datetime,
    page_total: int | None,
) -> int:
    date_text = print_dates.long_date(day_list.day)
    section = {"title": ""}

    def header(canvas: PageCanvas) -> None:
        canvas.text_pair(clinic_name, date_text, TITLE, after_mm=0.5)
        canvas.text_pair(section["title"], _tr("Daily list by nurse"), HEADING, after_mm=0.8)
        canvas.rule("#303030")

    footer = (
        _tr("%1 - daily list by nurse for %2 - printed %3")
        .replace("%1", clinic_name)
        .replace("%2", print_dates.short_date(day_list.day))
        .replace("%3", print_dates.short_date_time(printed_at))
    )
    columns = (
        Column(_tr("Chair"), 8),
        Column(_tr("Time"), 10),
        Column(_tr("Patient"), 15),
        Column(_tr("MRN"), 8),
        Column(_tr("Therapy"), 14),
        Column(_tr("Flags"), 12),
        Column(_tr("Labs due"), 17),
        Column(_tr("Hand-offs"), 16),
    )
    by_id = {a.session_id: a for a in assignment.sessions}
    work = {n.nurse: n for n in assignment.nurses}
    sections = nurse_sections(day_list, assignment)
    section["title"] = sections[0][0] or _tr("Unassigned")  # the first page's header
    with PageCanvas(device, footer=footer, page_total=page_total, header=header) as canvas:
        for number, (nurse, sessions) in enumerate(sections):
            title = nurse if nurse is not None else _tr("Unassigned")
            section["title"] = title
            if number:
                canvas.new_page()
            canvas.text_pair(
                title,
                _tr("Patients: %1").replace("%1", str(len(sessions))),
                HEADING,
                after_mm=0.6,
            )
            if nurse is not None and nurse in work:
                canvas.text(
                    _tr("On duty %1 min; nurse work %2 min")
                    .replace("%1", str(work[nurse].duty_minutes))
                    .replace("%2", str(work[nurse].work_minutes)),
                    TextStyle(colour=MUTED_COLOUR),
                )
            if nurse is None and not assignment.nurse_checked:
                canvas.text(_tr("No nurse rota for this day: no session has a nurse."), FLAG_TEXT)
            # A page that begins inside this table says whose rows continue there.
            section["title"] = _tr("%1 (continued)").replace("%1", title)
            if sessions:
                canvas.table(columns, _rows(sessions, nurse, day_list, by_id))
            else:
                canvas.text(_tr("No patients."), BODY)
        return canvas.page


def write_nurse_list_pdf(
    day_list: DayList,
    assignment: DayAssignmentView,
    path: Path,
    *,
    clinic_name: str,
    printed_at: datetime,
    page_size: PageSize | str = PageSize.A4,
) -> int:
    """Save the daily list by nurse as a landscape PDF; returns the pages."""
    pages: list[int] = []
    title = _tr("Daily list by nurse %1").replace("%1", print_dates.short_date(day_list.day))
    write_document_pdf(
        path,
        lambda device: pages.append(
            render_nurse_list(
                device, day_list, assignment, clinic_name=clinic_name, printed_at=printed_at
            )
        ),
        page_size=page_size,
        landscape=True,
        title=title,
    )
    return pages[0]
