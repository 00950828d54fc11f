"""Live refresh (issue 11 "Live updates", issue 13 "Nothing refreshes after a change
elsewhere"): a write through the services shows in every window of the app that shows what it
changed, without a Refresh click, keeping the user's selection.

The issues' "within a second" is a speed target, so it is measured where speed is measured:
``bench/run`` times a change on the big database until the other window's grid shows it
("live change to another window's grid", median of several bookings). Here the waits are
long enough for a loaded CI machine: they check that the change arrives on its own, not how
fast (a 1 s wait here failed a CI run whose host ran two jobs at once)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.common.live_changes import LiveChanges
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.results.results_window import ResultsWindow
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.changes import Change, ChangeKind
from clinic_app.services.results import BookingOutcome
from tests.conftest import DESK, NURSE

TUESDAY = date(2026, 11, 24)
ARRIVES_MS = 10_000  # arrives without a Refresh click; how fast is bench/run's figure


def open_window(qtbot: QtBot, clinic: Services, icons: IconSet, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"gui-{id(qtbot)}.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=TaskRunner(), icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.go_to(TUESDAY)
    return main


@pytest.fixture
def two_windows(
    qtbot: QtBot, clinic: Services, icons: IconSet, tmp_path: Path
) -> Iterator[tuple[MainWindow, MainWindow]]:
    """Two main windows of one app (one Services) on Tuesday."""
    first = open_window(qtbot, clinic, icons, tmp_path / "a")
    second = open_window(qtbot, clinic, icons, tmp_path / "b")
    yield first, second
    for window in (first, second):
        window.runner.wait(10_000)


def on_grid(window: MainWindow, session_id: int | None) -> bool:
    return session_id is not None and window.grid_model.index_of_session(session_id).isValid()


def test_a_booking_appears_in_the_other_windows_grid_without_a_refresh(
    qtbot: QtBot,
    two_windows: tuple[MainWindow, MainWindow],
    book: Callable[..., BookingOutcome],
) -> None:
    first, second = two_windows
    outcome = book("M001", "zoledronic-acid", "2026-11-24T10:00", "Chair 1")
    qtbot.waitUntil(lambda: on_grid(second, outcome.session.id), timeout=ARRIVES_MS)
    qtbot.waitUntil(lambda: on_grid(first, outcome.session.id), timeout=ARRIVES_MS)


def test_a_booking_made_on_a_worker_thread_arrives_on_the_gui_thread(
    qtbot: QtBot,
    two_windows: tuple[MainWindow, MainWindow],
    book: Callable[..., BookingOutcome],
) -> None:
    """The GUI books on TaskRunner's workers: the feed calls back there, the window reloads
    on its own thread."""
    _, second = two_windows
    outcomes: list[BookingOutcome] = []
    worker = threading.Thread(
        target=lambda: outcomes.append(book("M002", "zoledronic-acid", "2026-11-24T13:00"))
    )
    worker.start()
    worker.join(30)
    (outcome,) = outcomes
    qtbot.waitUntil(lambda: on_grid(second, outcome.session.id), timeout=ARRIVES_MS)


def test_the_selection_and_scroll_position_stay_where_the_user_left_them(
    qtbot: QtBot,
    two_windows: tuple[MainWindow, MainWindow],
    book: Callable[..., BookingOutcome],
) -> None:
    _, second = two_windows
    kept = book("M001", "zoledronic-acid", "2026-11-24T15:00", "Chair 2")
    qtbot.waitUntil(lambda: on_grid(second, kept.session.id), timeout=ARRIVES_MS)
    assert second.grid_view.select_session(kept.session.id or 0)
    scroll = second.grid_view.verticalScrollBar().value()
    other = book("M003", "zoledronic-acid", "2026-11-24T09:00", "Chair 3")
    qtbot.waitUntil(lambda: on_grid(second, other.session.id), timeout=ARRIVES_MS)
    selected = second.selected_session()
    assert selected is not None and selected.id == kept.session.id
    assert second.grid_view.verticalScrollBar().value() == scroll


def test_a_change_on_another_day_does_not_reload_the_grid(
    qtbot: QtBot,
    two_windows: tuple[MainWindow, MainWindow],
    book: Callable[..., BookingOutcome],
) -> None:
    _, second = two_windows
    with qtbot.assertNotEmitted(second.day_loaded, wait=600):
        book("M004", "zoledronic-acid", "2027-01-20T10:00")


def test_the_daily_list_and_the_week_follow_a_booking(
    qtbot: QtBot,
    clinic: Services,
    icons: IconSet,
    tmp_path: Path,
    book: Callable[..., BookingOutcome],
) -> None:
    window = open_window(qtbot, clinic, icons, tmp_path)
    with qtbot.waitSignal(window.week.loaded, timeout=10_000):
        window.tabs.setCurrentIndex(1)  # the week overview
    daily = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(daily)
    daily.go_to(TUESDAY)
    thursday = date(2026, 11, 26)

    def booked_on_thursday() -> int:
        return window.week.model.sessions_on(thursday)

    assert booked_on_thursday() == 0
    book("M002", "zoledronic-acid", "2026-11-26T11:00")  # Thursday, the week on screen
    qtbot.waitUntil(lambda: booked_on_thursday() == 1, timeout=ARRIVES_MS)
    late = book("M003", "zoledronic-acid", "2026-11-24T16:00")  # Tuesday, the daily list's day
    qtbot.waitUntil(
        lambda: any(s.id == late.session.id for s in daily.model.sessions()), timeout=ARRIVES_MS
    )
    window.runner.wait(10_000)


def test_the_patient_view_follows_an_exposure_recorded_elsewhere(
    qtbot: QtBot, clinic: Services, icons: IconSet, tmp_path: Path
) -> None:
    window = open_window(qtbot, clinic, icons, tmp_path)
    patient = window.open_patient("M001")
    assert patient is not None
    qtbot.waitUntil(lambda: patient.record is not None, timeout=10_000)
    assert patient.exposure_model.rowCount() == 0
    clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01")
    qtbot.waitUntil(lambda: patient.exposure_model.rowCount() == 1, timeout=ARRIVES_MS)
    window.runner.wait(10_000)


def test_the_results_list_follows_a_session_an_exposure_now_stops(
    qtbot: QtBot, clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    iron = book("M002", "ferric-carboxymaltose", "2026-11-23T14:00")
    results = ResultsWindow(clinic, NURSE)
    qtbot.addWidget(results)
    assert results.listing is not None
    assert all(s.session_id != iron.session.id for s in results.listing.stopped_sessions)
    clinic.setup.add_exposure(DESK, mrn="M002", drug="denosumab", last_dose="2026-11-01")
    qtbot.waitUntil(
        lambda: (
            results.listing is not None
            and any(s.session_id == iron.session.id for s in results.listing.stopped_sessions)
        ),
        timeout=ARRIVES_MS,
    )


def test_a_burst_of_changes_is_one_refresh(qtbot: QtBot, clinic: Services) -> None:
    bridge = LiveChanges(clinic.ctx.feed)
    got: list[Change] = []
    bridge.changed.connect(got.append)
    for mrn in ("M1", "M2", "M3"):
        clinic.ctx.feed.publish(Change(frozenset({ChangeKind.PATIENT}), mrns=frozenset({mrn})))
    qtbot.waitUntil(lambda: bool(got), timeout=ARRIVES_MS)
    (merged,) = got
    assert merged.mrns == {"M1", "M2", "M3"}
    bridge.stop()
    clinic.ctx.feed.publish(Change.of_everything())
    with qtbot.assertNotEmitted(bridge.changed, wait=400):
        pass
    bridge.deleteLater()
