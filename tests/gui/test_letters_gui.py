"""Printing the letters of an IV iron session from the day grid (Session menu, context menu)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.front_desk.letters_action import LettersFolderDialog
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.results import BookingOutcome
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def open_window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> Iterator[Callable[[Actor], MainWindow]]:
    def make(actor: Actor) -> MainWindow:
        settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
        main = MainWindow(clinic, actor, settings=settings, runner=runner, icons=icons)
        qtbot.addWidget(main)
        with qtbot.waitSignal(main.day_loaded, timeout=10_000):
            main.show()
        with qtbot.waitSignal(main.day_loaded, timeout=10_000):
            main.go_to(TUESDAY)
        return main

    yield make
    runner.wait(10_000)


@pytest.fixture
def iron_session(clinic: Services, book: Callable[..., BookingOutcome]) -> int:
    clinic.setup.set_clinic_phone(ADMIN, "020 7946 0123")
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="Riverside Surgery"
    )
    outcome = book("M001", "ferric-carboxymaltose", "2026-11-24T10:00", "Chair 1", "Hb 70")
    assert outcome.session.id is not None
    return outcome.session.id


def test_the_desk_saves_the_letters_of_the_selected_iron_session(
    qtbot: QtBot,
    open_window: Callable[[Actor], MainWindow],
    iron_session: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()  # the folder picker gives an existing folder
    asked: list[object] = []

    def choose(parent: object) -> Path:
        asked.append(parent)
        return folder

    monkeypatch.setattr(LettersFolderDialog, "ask", classmethod(lambda cls, p: choose(p)))
    window = open_window(DESK)
    window.grid_view.select_session(iron_session)
    assert window.letters_action.isEnabled()
    # In the Session menu (and the grid's context menu, built on right-click).
    session_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Session"
    )
    assert window.letters_action in session_menu.actions()
    with qtbot.waitSignal(window.action_done, timeout=20_000) as blocker:
        window.letters_action.trigger()
    assert asked == [window]
    assert blocker.args[0].startswith("Letters saved for Alice Archer (M001)")
    letter = folder / f"session-{iron_session}-letter-to-prescriber.pdf"
    sheet = folder / f"session-{iron_session}-patient-sheet.pdf"
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(sheet).pages
    )
    assert "No bone medicine (Denosumab) before Wed 17 Feb 2027" in text
    assert letter.is_file()
    assert str(letter) in window.banner.detail.text()
    assert "No antiresorptive before Wed 17 Feb 2027" in window.banner.detail.text()


def test_cancelling_the_folder_writes_nothing(
    qtbot: QtBot,
    open_window: Callable[[Actor], MainWindow],
    iron_session: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(LettersFolderDialog, "ask", classmethod(lambda cls, p: None))
    window = open_window(NURSE)
    window.grid_view.select_session(iron_session)
    window.print_letters()
    assert not window.runner.busy
    assert not list(tmp_path.glob("**/*.pdf"))


def test_a_refusal_is_explained_in_the_banner(
    qtbot: QtBot,
    clinic: Services,
    open_window: Callable[[Actor], MainWindow],
    book: Callable[..., BookingOutcome],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = book("M002", "ferric-derisomaltose", "2026-11-24T10:00", "Chair 1").session
    monkeypatch.setattr(LettersFolderDialog, "ask", classmethod(lambda cls, p: tmp_path / "x"))
    window = open_window(NURSE)
    window.grid_view.select_session(session.id or 0)
    assert window.letters_action.isEnabled()  # iron: the service decides the rest
    with qtbot.waitSignal(window.action_done, timeout=20_000) as blocker:
        window.letters_action.trigger()
    assert blocker.args[0] == "No letters: Please check the outside exposures"
    assert not (tmp_path / "x").exists()


def test_the_action_is_offered_for_iron_and_to_roles_that_may_print(
    open_window: Callable[[Actor], MainWindow],
    book: Callable[..., BookingOutcome],
    iron_session: int,
) -> None:
    zol = book("M002", "zoledronic-acid", "2026-11-24T09:00", "Chair 2").session
    window = open_window(NURSE)
    window.grid_view.select_session(zol.id or 0)
    assert not window.letters_action.isEnabled()
    window.grid_view.select_session(iron_session)
    assert window.letters_action.isEnabled()
    manager = open_window(MANAGER)
    manager.grid_view.select_session(iron_session)
    assert not manager.letters_action.isEnabled()
