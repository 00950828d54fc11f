"""The main window on the real services: the grid, navigation, drag and drop, move, cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill
from clinic_app.gui.booking.cancel_dialog import CancelDialog
from clinic_app.gui.booking.move_dialog import MoveDialog
from clinic_app.gui.daily_list.daily_list_model import DailyListModel
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.clock import fixed_clock
from clinic_app.services.results import BookingOutcome, SessionView
from tests.conftest import DESK, LONDON, NURSE
from tests.gui.conftest import CONSULTED

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> Iterator[MainWindow]:
    """The main window on Tuesday 24 November, loaded."""
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    go_to(qtbot, main, TUESDAY)
    yield main
    runner.wait(10_000)


def go_to(qtbot: QtBot, main: MainWindow, day: date) -> None:
    with qtbot.waitSignal(main.day_loaded, timeout=10_000) as blocker:
        main.go_to(day)
    assert blocker.args == [day]


def reload(qtbot: QtBot, main: MainWindow) -> None:
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.reload()


def drop(main: MainWindow, session_id: int, chair: str, start: datetime) -> None:
    """Drop the session on the cell of ``chair`` at ``start`` as Qt would deliver it."""
    model, view = main.grid_model, main.grid_view
    source = model.index_of_session(session_id)
    data = model.mimeData([source])
    column = next(i for i, c in enumerate(model.chairs) if c.name == chair)
    target = model.index(model.row_of(start), column)
    view.scrollTo(target)
    position = QPointF(view.visualRect(target).center())
    event = QDropEvent(
        position,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def stored(clinic: Services, session_id: int) -> SessionView:
    sessions, _labs = clinic.queries.patient_schedule(
        NURSE,
        next(s.mrn for s in clinic.queries.day(NURSE, TUESDAY).sessions if s.id == session_id),
    )
    return next(s for s in sessions if s.id == session_id)


def test_grid_shows_the_seeded_day(
    qtbot: QtBot, window: MainWindow, book: Callable[..., BookingOutcome]
) -> None:
    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 2")
    reload(qtbot, window)
    index = window.grid_model.index(window.grid_model.row_of(datetime(2026, 11, 24, 9)), 1)
    assert index.data().startswith("09:00-10:00 Alice Archer (M001), Zoledronic acid")
    assert window.grid_view.rowSpan(index.row(), index.column()) == 4
    assert window.day_title.text() == "Tuesday 24 November 2026"
    assert window.day_summary.text().startswith("1 session · ")
    assert window.grid_view.select_session(window.grid_model.session_at(index.row(), 1).id)
    assert window.details.title.text() == "Alice Archer (M001)"
    assert window.move_action.isEnabled() and window.cancel_action.isEnabled()


def test_day_summary_counts_the_cotherapy_flags_the_daily_list_shows(
    qtbot: QtBot, window: MainWindow, clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    # Bob's GP gave denosumab 8 months ago: his denosumab here is late (C2, a WARN), which is
    # a safety finding but no co-therapy. Carol's GP gave denosumab 5 months ago: iron for her
    # is E2 (a WARN too), and that is a co-therapy flag.
    clinic.setup.add_exposure(DESK, mrn="M002", drug="denosumab", last_dose="2026-03-01")
    clinic.setup.add_exposure(DESK, mrn="M003", drug="denosumab", last_dose="2026-06-20")
    late = book("M002", "denosumab", "2026-11-24T09:00", "Chair 1")
    iron = book("M003", "ferric-derisomaltose", "2026-11-24T11:00", "Chair 2")
    assert {(f.rule, f.severity.value) for f in late.findings} == {("C2", "WARN")}
    assert ("E2", "WARN") in {(f.rule, f.severity.value) for f in iron.findings}
    reload(qtbot, window)
    assert "1 co-therapy flag" in window.day_summary.text().split(" · ")
    daily = DailyListModel()
    daily.set_day(clinic.queries.day(NURSE, TUESDAY))
    assert daily.flagged_count() == 1


def test_day_navigation_actions(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.day_loaded, timeout=10_000) as blocker:
        window.next_action.trigger()
    assert blocker.args == [date(2026, 11, 25)]
    with qtbot.waitSignal(window.day_loaded, timeout=10_000) as blocker:
        window.previous_action.trigger()
    assert blocker.args == [TUESDAY]
    with qtbot.waitSignal(window.day_loaded, timeout=10_000) as blocker:
        window.today_action.trigger()
    assert blocker.args == [date(2026, 11, 23)]
    # Every action sits in a menu, and the navigation ones have their shortcut.
    menu_actions = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    for action in (window.today_action, window.next_action, window.new_booking_action):
        assert action in menu_actions
        assert not action.shortcut().isEmpty()


def test_drag_to_a_taken_chair_is_refused_and_nothing_changes(
    qtbot: QtBot, clinic: Services, window: MainWindow, book: Callable[..., BookingOutcome]
) -> None:
    mine = book("M001", "zoledronic-acid", "2026-11-24T10:00", "Chair 1").session
    book("M002", "zoledronic-acid", "2026-11-24T10:00", "Chair 2")
    reload(qtbot, window)
    assert mine.id is not None
    with qtbot.waitSignal(window.action_done, timeout=10_000):
        drop(window, mine.id, "Chair 2", datetime(2026, 11, 24, 10, 0))
    assert window.banner.level == "error"
    assert window.banner.headline.text() == "Not moved: That chair is already taken then"
    assert "Chair 2 is taken 10:00-11:00" in window.banner.detail.text()
    after = stored(clinic, mine.id)
    assert (after.chair, after.start) == (mine.chair, mine.start)


def test_drag_to_a_free_chair_and_time_moves_the_session(
    qtbot: QtBot, clinic: Services, window: MainWindow, book: Callable[..., BookingOutcome]
) -> None:
    mine = book("M001", "zoledronic-acid", "2026-11-24T10:00", "Chair 1").session
    reload(qtbot, window)
    assert mine.id is not None
    with qtbot.waitSignal(window.day_loaded, timeout=10_000):
        drop(window, mine.id, "Chair 3", datetime(2026, 11, 24, 11, 30))
    after = stored(clinic, mine.id)
    assert (after.chair, after.start.strftime("%H:%M")) == ("Chair 3", "11:30")
    assert window.banner.headline.text().startswith("Moved: Alice Archer (M001)")
    assert window.grid_view.current_session() is not None
    assert window.grid_view.current_session().id == mine.id


def test_drop_that_needs_an_override_opens_the_move_dialog(
    qtbot: QtBot,
    clinic: Services,
    window: MainWindow,
    book: Callable[..., BookingOutcome],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    iron = book("M001", "ferric-carboxymaltose", "2026-11-24T10:00", "Chair 1", "Hb 70").session
    reload(qtbot, window)
    asked: list[dict[str, Any]] = []

    def fake_ask(cls: type, parent: object, *args: Any, **kwargs: Any) -> None:
        asked.append({"session": args[4], **kwargs})
        return None

    monkeypatch.setattr(MoveDialog, "ask", classmethod(fake_ask))
    assert iron.id is not None
    drop(window, iron.id, "Chair 2", datetime(2026, 11, 24, 14, 0))
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0]["chair"] == "Chair 2"
    assert asked[0]["start"] == datetime(2026, 11, 24, 14, 0)
    assert asked[0]["session"].id == iron.id
    assert stored(clinic, iron.id).chair == "Chair 1"


def test_move_dialog_runs_the_same_checks(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
) -> None:
    mine = book("M001", "zoledronic-acid", "2026-11-24T10:00", "Chair 1").session
    book("M002", "zoledronic-acid", "2026-11-24T13:00", "Chair 2")
    dialog = MoveDialog(clinic, NURSE, runner, icons, mine, chair="Chair 2")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("13:00", "HH:mm"))
    qtbot.waitUntil(lambda: dialog.safety.state == "problem", timeout=10_000)
    assert dialog.safety.banner.headline.text() == "That chair is already taken then"
    assert not dialog.move_button.isEnabled()
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("14:00", "HH:mm"))
    qtbot.waitUntil(lambda: dialog.safety.state == "ok", timeout=10_000)
    assert dialog.move_button.isEnabled()
    dialog.move(40, 30)  # QWidget.move places the window; it must not move the session
    assert dialog.pos().x() == 40 and dialog.outcome is None and dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.outcome is not None
    assert (dialog.outcome.session.chair, dialog.outcome.session.start.hour) == ("Chair 2", 14)


def test_move_that_needs_an_override_shows_findings_and_labs(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    iron = book("M001", "ferric-carboxymaltose", "2026-11-24T10:00", "Chair 1", "Hb 70").session
    dialog = MoveDialog(
        clinic, NURSE, runner, icons, iron, start=datetime(2026, 11, 25, 14, 0), chair="Chair 2"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.safety.state == "override", timeout=10_000)
    assert dialog.safety.banner.headline.text() == "Needs a clinical override"
    assert dialog.safety.findings_model.rowCount() >= 1
    assert dialog.safety.labs_model.rowCount() >= 1  # the lab draws after the move
    assert dialog.safety.override_shown
    assert not dialog.move_button.isEnabled()
    dialog.safety.override_edit.setText("Hb 70, prescriber agreed")
    assert not dialog.move_button.isEnabled()  # the prescriber consulted is still missing
    dialog.safety.consulted_edit.setText("Dr Ann Lee")
    assert dialog.move_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.move_session()
    assert dialog.outcome is not None
    assert (dialog.outcome.session.chair, dialog.outcome.session.start.day) == ("Chair 2", 25)
    moved = [
        f
        for f in dialog.outcome.session.findings
        if f.override_reason == "Hb 70, prescriber agreed"
    ]
    assert moved and all(f.consulted == "Dr Ann Lee" for f in moved)


def test_keyboard_move_and_cancel_through_the_window(
    qtbot: QtBot,
    clinic: Services,
    window: MainWindow,
    book: Callable[..., BookingOutcome],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine = book("M003", "denosumab", "2026-11-24T09:00", "Chair 1").session
    reload(qtbot, window)
    assert mine.id is not None and window.grid_view.select_session(mine.id)

    def fake_move(
        cls: type, parent: object, services: Services, actor: object, *rest: Any, **kwargs: Any
    ) -> BookingOutcome:
        return services.booking.move(actor, mine.id, "2026-11-24T15:00", chair="Chair 3")

    monkeypatch.setattr(MoveDialog, "ask", classmethod(fake_move))
    with qtbot.waitSignal(window.day_loaded, timeout=10_000):
        window.move_action.trigger()
    assert stored(clinic, mine.id).chair == "Chair 3"
    assert window.grid_view.current_session().id == mine.id

    monkeypatch.setattr(CancelDialog, "ask", classmethod(lambda cls, parent, s: "patient phoned"))
    with qtbot.waitSignal(window.day_loaded, timeout=10_000):
        window.cancel_action.trigger()
    cancelled = stored(clinic, mine.id)
    assert (cancelled.status, cancelled.status_reason) == ("cancelled", "patient phoned")
    # The change feed's own reload of the day may land before the cancel's outcome is
    # handed back to the GUI thread: the banner follows within the event loop's next turns.
    qtbot.waitUntil(lambda: window.banner.headline.text().startswith("Cancelled: "), timeout=10_000)
    assert window.grid_model.hidden_count == 1


def test_new_booking_from_a_free_cell_prefills_chair_and_time(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BookingPrefill] = []

    def fake_ask(cls: type, parent: object, *args: Any, **kwargs: Any) -> list[BookingOutcome]:
        seen.append(args[4])
        return []

    monkeypatch.setattr(BookingDialog, "ask", classmethod(fake_ask))
    row = window.grid_model.row_of(datetime(2026, 11, 24, 11, 15))
    window.grid_view.setCurrentIndex(window.grid_model.index(row, 2))
    window.grid_view.setFocus()
    qtbot.keyClick(window.grid_view, Qt.Key.Key_Return)
    assert seen == [BookingPrefill(start=datetime(2026, 11, 24, 11, 15), chair="Chair 3")]


def test_settings_keep_layout_and_a_future_day(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> None:
    path = str(tmp_path / "keep.ini")
    first = MainWindow(
        clinic,
        NURSE,
        settings=QSettings(path, QSettings.Format.IniFormat),
        runner=runner,
        icons=icons,
    )
    qtbot.addWidget(first)
    go_to(qtbot, first, date(2026, 12, 2))
    first.close()
    assert QSettings(path, QSettings.Format.IniFormat).value("day/last") == "2026-12-02"
    again = MainWindow(
        clinic,
        NURSE,
        settings=QSettings(path, QSettings.Format.IniFormat),
        runner=runner,
        icons=icons,
    )
    qtbot.addWidget(again)
    assert again.day == date(2026, 12, 2)
    runner.wait(10_000)


def test_every_window_and_dialog_opens(
    qtbot: QtBot,
    clinic: Services,
    window: MainWindow,
    runner: TaskRunner,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    from clinic_app.gui.patient.find_patient_dialog import FindPatientDialog

    session = book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1").session
    reload(qtbot, window)
    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    window.show_shortcuts()
    assert shown == ["Keyboard shortcuts"]
    booking = BookingDialog(clinic, NURSE, runner, icons)
    move = MoveDialog(clinic, NURSE, runner, icons, session)
    cancel = CancelDialog(session)
    finder = FindPatientDialog(clinic, NURSE)
    for dialog in (booking, move, cancel, finder):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)

    def texts(dialog: QDialog) -> str:
        return " ".join(label.text() for label in dialog.findChildren(QLabel))

    # The booking dialog offers every bookable therapy and cannot book before a patient.
    offered = [booking.therapy_combo.itemData(i) for i in range(booking.therapy_combo.count())]
    assert offered == [None] + [t.code for t in clinic.ctx.catalog.bookable()]
    assert booking.therapy_code() is None  # no therapy until one is chosen
    assert not booking.book_button.isEnabled()
    # The move dialog starts from the session's own day, time and chair, and names it.
    assert move.date_edit.date().toPython() == date(2026, 11, 24)
    assert move.time_edit.time().toString("HH:mm") == "09:00"
    assert move.chair_combo.currentData() == "Chair 1"
    assert "Alice Archer" in texts(move) and "Zoledronic acid" in texts(move)
    # The cancel dialog says what it cancels and asks for a reason.
    assert "Cancel Zoledronic acid for Alice Archer (M001)" in texts(cancel)
    assert "09:00" in texts(cancel) and "Chair 1" in texts(cancel)
    cancel.reason_edit.setText("patient unwell")
    assert cancel.reason() == "patient unwell"
    # The patient finder finds by MRN.
    finder.picker.search_edit.setText("M001")
    finder.picker.search_now()
    assert [p.name for p in finder.picker.model.patients()] == ["Alice Archer"]
    assert session.id is not None and window.grid_view.select_session(session.id)
    patient = window.open_patient()
    assert patient is not None
    with qtbot.waitSignal(patient.loaded, timeout=10_000):
        pass
    with qtbot.waitSignal(window.week.loaded, timeout=10_000):
        window.week_view_action.trigger()
    assert window.tabs.currentIndex() == 1
    runner.wait(10_000)


def test_nurse_marks_a_session_arrived_from_the_menu(
    qtbot: QtBot, clinic: Services, window: MainWindow, book: Callable[..., BookingOutcome]
) -> None:
    # On the session's day (no status runs ahead of it); a therapy without a gating result.
    mine = book("M002", "ferric-derisomaltose", "2026-11-24T09:00", "Chair 1").session
    reload(qtbot, window)
    assert mine.id is not None and window.grid_view.select_session(mine.id)
    # On Monday, Tuesday's session can only be cancelled (the service's status table).
    assert not any(action.isEnabled() for action in window.status_actions.values())
    assert window.cancel_action.isEnabled()
    clinic.ctx.clock = fixed_clock(datetime(2026, 11, 24, 8, 0, tzinfo=LONDON))
    reload(qtbot, window)
    assert window.grid_view.select_session(mine.id)
    assert window.status_actions["arrived"].isEnabled()
    assert not window.status_actions["completed"].isEnabled()
    with qtbot.waitSignal(window.day_loaded, timeout=10_000):
        window.status_actions["arrived"].trigger()
    assert stored(clinic, mine.id).status == "arrived"
    assert window.grid_view.current_session().status == "arrived"
    assert "ARRIVED" not in window.grid_model.index_of_session(mine.id).data()  # plain words
    assert ", arrived" in window.grid_model.index_of_session(mine.id).data()
    # The confirmation stays after the reload that followed the change.
    assert window.statusBar().currentMessage().endswith(": arrived")


def test_the_actions_offered_are_those_the_service_allows(
    qtbot: QtBot, clinic: Services, window: MainWindow, book: Callable[..., BookingOutcome]
) -> None:
    done = book("M002", "denosumab", "2026-11-24T09:00", "Chair 1").session
    assert done.id is not None
    arrived = book("M003", "denosumab", "2026-11-24T10:00", "Chair 1").session
    assert arrived.id is not None
    # Visit statuses only on the session's day; the check-in gate wants calcium on file (R1),
    # which a nurse overrides here: this test is about the actions offered afterwards.
    clinic.ctx.clock = fixed_clock(datetime(2026, 11, 24, 8, 30, tzinfo=LONDON))
    gate = {"override_reason": "Calcium normal at the GP last week", "consulted": CONSULTED}
    clinic.booking.set_status(NURSE, done.id, "in-chair", **gate)
    clinic.booking.set_status(NURSE, done.id, "completed")
    reload(qtbot, window)
    assert window.grid_view.select_session(done.id)
    offered = {s for s, action in window.status_actions.items() if action.isEnabled()}
    # A completed session can only go back to in-chair: not arrived, not booked, not moved.
    assert offered == {"in-chair"}
    assert not window.move_action.isEnabled() and not window.cancel_action.isEnabled()
    clinic.booking.set_status(NURSE, arrived.id, "arrived", **gate)
    reload(qtbot, window)
    assert window.grid_view.select_session(arrived.id)
    offered = {s for s, action in window.status_actions.items() if action.isEnabled()}
    assert offered == {"booked", "in-chair", "no-show"}
    assert window.cancel_action.isEnabled() and not window.move_action.isEnabled()


def test_closed_day_is_shown_as_closed_and_today_is_the_clinics(
    qtbot: QtBot, window: MainWindow
) -> None:
    from clinic_app.domain.clinic_calendar import ClinicCalendar

    go_to(qtbot, window, date(2026, 11, 28))  # a Saturday
    assert window.grid_model.closed
    assert window.day_title.text().endswith("CLINIC CLOSED")
    assert window.day_summary.text().startswith("Closed (not an opening day)")
    go_to(qtbot, window, TUESDAY)
    assert not window.grid_model.closed
    assert "CLOSED" not in window.day_title.text()
    # "Today" is the date in the clinic's zone: 07:00 UTC is still the day before in LA.
    assert window.clinic_today() == date(2026, 11, 23)
    window.calendar = ClinicCalendar.weekdays("America/Los_Angeles")
    assert window.clinic_today() == date(2026, 11, 22)
