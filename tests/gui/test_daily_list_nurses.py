"""The daily list's nurse tools (issue 14): the list printed by nurse, handing a patient to
another nurse by drag or keyboard, and "my patients" (pytest-qt, SQLite)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.daily_list import nurse_tools
from clinic_app.gui.daily_list.daily_list_model import NURSE_DRAG_MIME, SessionColumn
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.daily_list.nurse_panel import NurseListModel, NursePickerDialog
from clinic_app.persistence.models import AuditRow
from clinic_app.services.actor import Actor, Role
from tests.conftest import DESK, MANAGER, NURSE
from tests.report_seed import DAY, SeededDay, seed_day

NORA, OLGA = "Nora Night", "Olga Other"


@pytest.fixture
def rota(clinic: Services) -> tuple[Services, SeededDay]:
    """The seeded day with two nurses on duty all day."""
    day = seed_day(clinic)
    for name in (NORA, OLGA):
        clinic.staffing.add_nurse(MANAGER, name)
        clinic.staffing.set_shift(MANAGER, name, DAY, "07:30", "17:30")
    return clinic, day


def window_on(qtbot: QtBot, services: Services, actor: Actor = NURSE) -> DailyListWindow:
    shown = DailyListWindow(services, actor)
    qtbot.addWidget(shown)
    shown.go_to(DAY)
    return shown


def pdf_text(path: Path) -> list[str]:
    """The text of each page, whitespace folded."""
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]


def nurse_of(services: Services, session_id: int) -> str | None:
    view = services.staffing.assignment(NURSE, DAY)
    return next(s.nurse for s in view.sessions if s.session_id == session_id)


def drop(shown: DailyListWindow, session_id: int, nurse: str) -> bool:
    """Drag the session's row onto the nurse: the table's mime data into the panel's model."""
    table_model = shown.model
    row = table_model.row_of(session_id)
    assert row is not None
    index = table_model.index(row, SessionColumn.PATIENT)
    assert table_model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    data = table_model.mimeData([index])
    panel: NurseListModel = shown.nurse_tools.panel.model
    target = panel.index(panel.names().index(nurse), 0)
    action = Qt.DropAction.MoveAction
    assert panel.canDropMimeData(data, action, -1, -1, target)
    return panel.dropMimeData(data, action, -1, -1, target)


# ---------------------------------------------------------------------- print by nurse


def test_print_by_nurse_gives_each_nurse_a_page_then_the_unassigned(
    qtbot: QtBot, rota: tuple[Services, SeededDay], tmp_path: Path
) -> None:
    services, day = rota
    shown = window_on(qtbot, services)
    assert shown.nurse_tools.print_action.shortcut().toString() == "Ctrl+Shift+B"
    pdf = shown.nurse_tools.save_pdf(tmp_path / "by-nurse.pdf")
    assert pdf is not None
    pages = pdf_text(pdf)
    assignment = services.staffing.assignment(NURSE, DAY)
    # One page per nurse (the two fit a page each), then the unassigned.
    assert len(pages) == 3
    for page, nurse in zip(pages, (NORA, OLGA), strict=False):
        assert nurse in page and "Daily list by nurse" in page
        mine = [s for s in assignment.sessions if s.looked_after_by(nurse)]
        assert f"Patients: {len(mine)}" in page
        for s in mine:
            assert s.patient_name in page and f"{s.start:%H:%M}-{s.end:%H:%M}" in page
        others = [s for s in assignment.sessions if not s.looked_after_by(nurse)]
        for s in others:
            assert s.patient_name not in page
        assert "Page " in page and " of 3" in page
    # Time order on a page: the 09:00 patients before the 11:00 one.
    everyone = {s.session_id: s for s in assignment.sessions}
    booked = everyone[day.booked]
    page = pages[(NORA, OLGA).index(booked.nurse or "")]
    if everyone[day.completed].nurse == booked.nurse:
        assert page.index("Alice Archer") < page.index(booked.patient_name)
    # Cancelled and no-show sessions need no nurse: on nobody's page, not "unassigned".
    assert "Unassigned" in pages[2] and "Patients: 0" in pages[2] and "No patients." in pages[2]
    text = " ".join(pages)
    cancelled = next(v for v in services.queries.day(NURSE, DAY).sessions if v.id == day.cancelled)
    assert cancelled.patient_name not in text
    # The iron patient's co-therapy flag prints in words on her nurse's page.
    iron = everyone[day.iron]
    assert "CO-THERAPY" in pages[(NORA, OLGA).index(iron.nurse or "")]


def test_print_by_nurse_without_a_rota_lists_everyone_unassigned(
    qtbot: QtBot, clinic: Services, tmp_path: Path
) -> None:
    day = seed_day(clinic)
    shown = window_on(qtbot, clinic)
    pdf = shown.nurse_tools.save_pdf(tmp_path / "no-rota.pdf")
    assert pdf is not None
    (page,) = pdf_text(pdf)
    assert "Unassigned" in page and "No nurse rota for this day" in page
    live = [v for v in clinic.queries.day(NURSE, DAY).sessions if v.id != day.cancelled]
    live = [v for v in live if v.id != day.no_show]
    assert f"Patients: {len(live)}" in page
    for view in live:
        assert view.patient_name in page and view.chair in page


def test_print_by_nurse_paints_the_preview_printer(
    qtbot: QtBot, rota: tuple[Services, SeededDay], tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    services, _ = rota
    shown = window_on(qtbot, services)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert shown.nurse_tools.paint_on(printer) == 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3


# ---------------------------------------------------------------------- reassigning


def test_the_nurse_panel_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, rota: tuple[Services, SeededDay]
) -> None:
    services, _ = rota
    shown = window_on(qtbot, services)
    model = shown.nurse_tools.panel.model
    qtmodeltester.check(model)
    assignment = services.staffing.assignment(NURSE, DAY)
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    counts = [sum(1 for s in assignment.sessions if s.looked_after_by(n)) for n in (NORA, OLGA)]
    assert texts == [f"{NORA} (patients: {counts[0]})", f"{OLGA} (patients: {counts[1]})"]


def test_dropping_a_patient_on_a_nurse_hands_her_over(
    qtbot: QtBot, rota: tuple[Services, SeededDay]
) -> None:
    services, day = rota
    shown = window_on(qtbot, services)
    before = nurse_of(services, day.booked)
    other = OLGA if before == NORA else NORA
    assert drop(shown, day.booked, other) is False  # the panel itself moves nothing
    assert nurse_of(services, day.booked) == other
    row = shown.model.row_of(day.booked)
    assert row is not None
    assert shown.model.data(shown.model.index(row, SessionColumn.NURSE)).startswith(other)
    assert shown.selected_session().id == day.booked  # type: ignore[union-attr]
    assert "is now looked after by " + other in shown.statusBar().currentMessage()
    with services.engine.connect() as connection:
        audit = connection.execute(
            AuditRow.__table__.select().where(AuditRow.entity == "nurse_assignment")
        ).all()
    assert len(audit) == 1


def test_a_refused_handover_shows_the_services_message_and_changes_nothing(
    qtbot: QtBot, rota: tuple[Services, SeededDay], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, day = rota
    shown = window_on(qtbot, services)
    before = {s.session_id: s.nurse for s in services.staffing.assignment(NURSE, DAY).sessions}
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        nurse_tools, "show_error", lambda _w, title, text: errors.append((title, text))
    )
    # A nurse not on this day's rota: the service refuses (she has no shift that day).
    services.staffing.add_nurse(MANAGER, "Pia Parttime")
    assert shown.nurse_tools.reassign(day.booked, "Pia Parttime") is False
    refusal = "nurse: Pia Parttime has no shift on 2026-11-24: add it first"
    assert errors == [("Nurse not changed", refusal)]
    after = {s.session_id: s.nurse for s in services.staffing.assignment(NURSE, DAY).sessions}
    assert after == before


def test_reassign_by_keyboard_with_the_nurse_picker(
    qtbot: QtBot, rota: tuple[Services, SeededDay], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, day = rota
    shown = window_on(qtbot, services)
    shown.select_session(day.booked)
    action = shown.nurse_tools.reassign_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+N"
    before = nurse_of(services, day.booked)
    other = OLGA if before == NORA else NORA
    asked: list[tuple[list[str], str | None]] = []

    def pick(_parent: Any, _title: str, _prompt: str, nurses: Any, current: Any) -> str:
        asked.append((list(nurses), current))
        return other

    monkeypatch.setattr(NursePickerDialog, "ask", pick)
    action.trigger()
    assert asked == [([NORA, OLGA], before)]
    assert nurse_of(services, day.booked) == other
    # A cancelled session needs no nurse: nothing to reassign.
    shown.select_session(day.cancelled)
    assert not action.isEnabled()


def test_only_users_who_assign_nurses_may_reassign(
    qtbot: QtBot, rota: tuple[Services, SeededDay]
) -> None:
    services, day = rota
    shown = window_on(qtbot, services, DESK)
    shown.select_session(day.booked)
    assert not shown.nurse_tools.reassign_action.isEnabled()
    row = shown.model.row_of(day.booked)
    assert row is not None
    index = shown.model.index(row, 0)
    assert not shown.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    panel = shown.nurse_tools.panel.model
    data = QMimeData()
    data.setData(NURSE_DRAG_MIME, str(day.booked).encode("ascii"))
    target = panel.index(0, 0)
    assert not panel.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    before = nurse_of(services, day.booked)
    assert panel.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target) is False
    assert nurse_of(services, day.booked) == before


# ---------------------------------------------------------------------- my patients


def test_my_patients_asks_once_which_nurse_she_is_then_filters(
    qtbot: QtBot, rota: tuple[Services, SeededDay], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, _ = rota
    shown = window_on(qtbot, services)
    mine_action = shown.nurse_tools.mine_action
    assert mine_action.isVisible() and mine_action.isEnabled()
    asked: list[list[str]] = []

    def pick(_parent: Any, _title: str, _prompt: str, nurses: Any, _current: Any) -> str:
        asked.append(list(nurses))
        return OLGA

    monkeypatch.setattr(NursePickerDialog, "ask", pick)
    mine_action.trigger()
    assert mine_action.isChecked() and shown.chosen_nurse() == OLGA
    mine = {s.session_id for s in services.staffing.my_patients(NURSE, OLGA, DAY)}
    assert mine and {shown.model.session(r).id for r in range(shown.model.rowCount())} == mine
    assert shown.statusBar().currentMessage() == f"Patients of {OLGA} today: {len(mine)}"
    mine_action.trigger()  # off: everyone's patients again
    assert not mine_action.isChecked() and shown.chosen_nurse() == ""
    mine_action.trigger()  # on again: she is not asked twice
    assert asked == [[NORA, OLGA]] and shown.chosen_nurse() == OLGA
    # Choosing another nurse in the filter is not "my patients" any more.
    shown.nurse_filter.setCurrentIndex(shown.nurse_filter.findData(NORA))
    assert not mine_action.isChecked()


def test_my_patients_is_for_nurses_on_a_day_with_a_rota(
    qtbot: QtBot, clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_day(clinic)
    manager = window_on(qtbot, clinic, Actor("mia.manager", Role.MANAGER))
    assert not manager.nurse_tools.mine_action.isVisible()
    shown = window_on(qtbot, clinic)
    assert not shown.nurse_tools.mine_action.isEnabled()  # no rota that day
    monkeypatch.setattr(NursePickerDialog, "ask", lambda *_: pytest.fail("asked"))
    shown.nurse_tools.show_mine(True)
    assert shown.chosen_nurse() == "" and not shown.nurse_tools.mine_action.isChecked()


def test_a_drop_on_the_nurse_lists_view_lands_on_the_nurse_under_the_pointer(
    qtbot: QtBot, rota: tuple[Services, SeededDay]
) -> None:
    services, day = rota
    shown = window_on(qtbot, services)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    before = nurse_of(services, day.booked)
    other = OLGA if before == NORA else NORA
    row = shown.model.row_of(day.booked)
    assert row is not None
    data = shown.model.mimeData([shown.model.index(row, 0)])
    view = shown.nurse_tools.panel.view
    target = view.visualRect(view.model().index([NORA, OLGA].index(other), 0)).center()
    point = QPointF(target)
    move = Qt.DropAction.MoveAction
    button, no_key = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target, move, data, button, no_key)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    moving = QDragMoveEvent(target, move, data, button, no_key)
    QApplication.sendEvent(view.viewport(), moving)
    assert moving.isAccepted()
    QApplication.sendEvent(view.viewport(), QDropEvent(point, move, data, button, no_key))
    assert nurse_of(services, day.booked) == other
    # The dragged row is still in the table (a hand-over moves no row).
    assert shown.model.row_of(day.booked) is not None
