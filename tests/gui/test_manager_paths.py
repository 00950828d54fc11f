"""A manager finds no booking path anywhere: no dialog opens that would be refused at the end.

Enter and double-click on a free cell, dragging a session, the menu and toolbar actions, and
the patient window's "Book" and exposure form are all closed to a role that cannot book.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.booking.booking_dialog import BookingDialog
from clinic_app.gui.booking.move_dialog import MoveDialog
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.patient.patient_dialog import PatientDialog
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.results import BookingOutcome
from tests.conftest import DESK, MANAGER
from tests.gui.test_main_window import drop, go_to, stored

TUESDAY = date(2026, 11, 24)


def open_window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path, who: Actor
) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{who.username}.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, who, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    go_to(qtbot, main, TUESDAY)
    return main


@pytest.fixture
def dialogs_opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Records every booking or move dialog a path opens (none is shown)."""
    opened: list[str] = []

    def fake(name: str) -> Any:
        def ask(cls: type, *args: Any, **kwargs: Any) -> Any:
            opened.append(name)
            return [] if name == "book" else None

        return classmethod(ask)

    monkeypatch.setattr(BookingDialog, "ask", fake("book"))
    monkeypatch.setattr(MoveDialog, "ask", fake("move"))
    yield opened


@pytest.mark.parametrize(("who", "paths_open"), [(MANAGER, False), (DESK, True)])
def test_booking_paths_follow_the_role(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
    book: Callable[..., BookingOutcome],
    dialogs_opened: list[str],
    who: Actor,
    paths_open: bool,
) -> None:
    booked = book("M002", "zoledronic-acid", "2026-11-24T10:00", "Chair 1").session
    main = open_window(qtbot, clinic, runner, icons, tmp_path, who)
    grid, model = main.grid_view, main.grid_model

    # Menu and toolbar.
    paths = main.booking_paths
    assert paths.new_booking_action.isEnabled() is paths_open
    assert paths.series_action.isEnabled() is paths_open
    assert grid.dragEnabled() is paths_open
    assert grid.acceptDrops() is paths_open

    # Enter and double-click on a free cell.
    free = model.index(model.row_of(datetime(2026, 11, 24, 11, 15)), 2)
    grid.setCurrentIndex(free)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.mouseDClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(free).center()
    )
    # Shortcuts and triggers reach the same guard even when an action is fired directly.
    paths.new_booking_action.trigger()
    paths.new_booking()

    # Dropping a session (as if a drag had started) moves nothing.
    drop(main, booked.id, "Chair 3", datetime(2026, 11, 24, 14, 0))
    runner.wait(10_000)
    qtbot.wait(50)
    if paths_open:
        assert dialogs_opened.count("book") == 4  # Enter, double-click, action, call
        assert stored(clinic, booked.id).chair == "Chair 3"  # the drop moved it
    else:
        assert dialogs_opened == []
        assert stored(clinic, booked.id).chair == "Chair 1"


@pytest.mark.parametrize(("who", "shown"), [(MANAGER, False), (DESK, True)])
def test_patient_window_offers_only_what_the_role_can_do(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    who: Actor,
    shown: bool,
) -> None:
    dialog = PatientDialog(clinic, who, runner, icons, "M002")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.book_button.isVisible() is shown
    assert dialog.exposure_form.isVisible() is shown
    assert dialog.add_exposure_button.isVisible() is shown
    assert dialog.edit_exposure_button.isVisible() is shown
