"""The day grid fits a clinic day, draws a now-line at the injected clock's time, shades the
past and opens at now; the details panel folds away with a key and stays so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_calendar import ClinicCalendar, OpeningHours
from clinic_app.gui.day_grid.day_grid_model import SLOT_MINUTES, DayGridModel, lay_out_day
from clinic_app.gui.day_grid.day_grid_view import (
    MIN_ROW_HEIGHT,
    NOW_CONTEXT_ROWS,
    NOW_INTERVAL_MS,
    DayGridView,
)
from clinic_app.gui.day_grid.session_delegate import SessionBlockDelegate
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.results import ChairView, DayList, LabView, SessionView
from tests.conftest import NURSE

DAY = date(2026, 11, 25)  # a Wednesday
OPENS, CLOSES = time(8), time(18)
CALENDAR = ClinicCalendar(
    "Europe/London",
    tuple(OpeningHours(weekday, OPENS, CLOSES) for weekday in range(5)),
    frozenset(),
)
CHAIRS = [ChairView(1, "Chair 1", True), ChairView(2, "Chair 2", True)]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute))


def _day_list() -> DayList:
    session = SessionView(
        1, 1, "MRN400001", "Priyanka Hargreaves", 1, "Chair 1", "ferric-carboxymaltose",
        "Ferric carboxymaltose", at(9), at(9, 30), "booked", None,
    )  # fmt: skip
    late_lab = LabView(
        1, 2, "MRN400002", "Bob Baker", ("calcium",), at(17, 30), at(17, 45), "booked",
        DAY, DAY,
    )  # fmt: skip
    return DayList(DAY, (session,), (late_lab,))


class Clock:
    """A settable wall clock (the clinic's local time), injected into the view."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def grid(qtbot: QtBot, icons: IconSet) -> Iterator[tuple[DayGridView, Clock]]:
    model = DayGridModel()
    view = DayGridView()
    view.setModel(model)
    view.setItemDelegate(SessionBlockDelegate(icons, {}, view))
    model.set_layout(lay_out_day(CHAIRS, _day_list(), CALENDAR))
    clock = Clock(at(11, 52))
    view.set_clock(clock)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view, clock


def test_the_now_line_is_at_the_clocks_time_on_the_row_geometry(
    grid: tuple[DayGridView, Clock],
) -> None:
    view, clock = grid
    model = view.grid_model()
    assert model.rowCount() == 40  # 08:00-18:00
    height = view.row_height()
    assert view.rowHeight(0) == height
    # 11:52 is 232 minutes after 08:00: 15 whole rows and 7 of the next row's 15 minutes.
    expected = 232 / SLOT_MINUTES * height - view.verticalScrollBar().value()
    assert view.now_line_y() == pytest.approx(expected)
    clock.moment = at(16, 15)
    assert view.now_line_y() == pytest.approx(33 * height - view.verticalScrollBar().value())
    clock.moment = at(7, 30)  # before opening: no line
    assert view.now_line_y() is None
    clock.moment = at(11, 52) + timedelta(days=1)  # another day shown: no line
    assert view.now_line_y() is None
    timers = [t for t in view.findChildren(QTimer) if t.interval() == NOW_INTERVAL_MS]
    assert len(timers) == 1 and timers[0].isActive() and NOW_INTERVAL_MS == 60_000


def test_the_past_is_shaded_and_the_line_drawn(
    qtbot: QtBot, grid: tuple[DayGridView, Clock]
) -> None:
    view, _clock = grid
    now_y = view.now_line_y()
    assert now_y is not None
    x = view.columnViewportPosition(1) + view.columnWidth(1) // 2  # Chair 2: empty all day
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def pixel(y: float) -> QColor:
        return image.pixelColor(round(x * ratio), round(y * ratio))

    past, future, line = pixel(now_y - 6), pixel(now_y + 6), pixel(now_y)
    assert past.lightness() < future.lightness()  # the past is shaded
    assert line.red() > 150 and line.green() < 100  # the red now-line


def test_the_grid_opens_at_now_when_it_must_scroll(
    qtbot: QtBot, grid: tuple[DayGridView, Clock]
) -> None:
    view, _clock = grid
    view.resize(900, 300)  # too short for 40 rows even at the least row height
    qtbot.wait(10)
    assert view.row_height() == MIN_ROW_HEIGHT
    assert view.verticalScrollBar().maximum() > 0
    assert view.scroll_to_now()
    now_row = view.grid_model().row_of(at(11, 52))
    assert view.currentIndex().row() == now_row
    assert view.verticalScrollBar().value() == (now_row - NOW_CONTEXT_ROWS) * MIN_ROW_HEIGHT
    now_y = view.now_line_y()
    assert now_y is not None and 0 < now_y < view.viewport().height()


def test_the_rows_fit_the_height_between_the_least_and_the_most(
    qtbot: QtBot, grid: tuple[DayGridView, Clock]
) -> None:
    view, _clock = grid
    for height in (400, 700, 1100, 2000):
        view.resize(900, height)
        qtbot.wait(10)
        expected = max(MIN_ROW_HEIGHT, min(26, view.viewport().height() // 40))
        assert view.row_height() == expected
        if expected > MIN_ROW_HEIGHT:  # the whole day in view: no scrolling
            assert view.verticalScrollBar().maximum() == 0


@pytest.fixture
def window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.go_to(date(2026, 11, 24))
    yield main
    runner.wait(10_000)


def test_a_whole_clinic_day_fits_1366_by_768(window: MainWindow) -> None:
    view, model = window.grid_view, window.grid_model
    assert window.width() == 1366 and window.height() == 768
    assert model.rowCount() >= 40  # 08:00-18:00 at least
    assert view.verticalScrollBar().maximum() == 0
    last = model.rowCount() - 1
    assert view.rowViewportPosition(last) + view.rowHeight(last) <= view.viewport().height()
    lab = model.lab_column
    assert view.columnViewportPosition(lab) + view.columnWidth(lab) <= view.viewport().width()
    assert view.row_height() >= MIN_ROW_HEIGHT


def test_the_details_panel_folds_with_f9_and_stays_folded(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> None:
    path = str(tmp_path / "panel.ini")
    first = MainWindow(
        clinic, NURSE, settings=QSettings(path, QSettings.Format.IniFormat), runner=runner,
        icons=icons,
    )  # fmt: skip
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    toggle = first.details_dock.toggleViewAction()
    assert toggle.shortcut().toString() == "F9"
    assert first.details_dock.isVisible()
    toggle.trigger()
    assert not first.details_dock.isVisible()
    first.close()
    runner.wait(10_000)
    again = MainWindow(
        clinic, NURSE, settings=QSettings(path, QSettings.Format.IniFormat), runner=runner,
        icons=icons,
    )  # fmt: skip
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.details_dock.isVisible()
    runner.wait(10_000)


def test_the_window_opens_today_at_now(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    from clinic_app.services.clock import fixed_clock
    from tests.conftest import LONDON

    tuesday = date(2026, 11, 24)
    clinic.ctx.clock = fixed_clock(datetime.combine(tuesday, time(14, 10), tzinfo=LONDON))
    main = MainWindow(clinic, NURSE, runner=runner, icons=icons)
    qtbot.addWidget(main)
    main.resize(1000, 420)  # short: the grid must scroll to show now
    with qtbot.waitSignal(main.day_loaded, timeout=10_000) as loaded:
        main.show()
    assert loaded.args == [tuesday]
    view, model = main.grid_view, main.grid_model
    now_row = model.row_of(datetime.combine(tuesday, time(14, 10)))
    assert view.currentIndex().row() == now_row
    assert view.verticalScrollBar().value() > 0
    now_y = view.now_line_y()
    assert now_y is not None and 0 < now_y < view.viewport().height()
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.step_day(1)  # tomorrow: no line, opens at its first booking (or the top)
    assert view.now_line_y() is None
    runner.wait(10_000)
