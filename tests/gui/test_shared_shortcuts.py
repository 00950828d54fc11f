"""One set of shortcuts across windows: a key means the same thing in every window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from tests.conftest import NURSE


def keys_of(actions: list[QAction]) -> dict[str, str]:
    """Key -> action text (without its mnemonic) over ``actions``."""
    table: dict[str, str] = {}
    for action in dict.fromkeys(actions):  # each action once, in order
        portable = QKeySequence.SequenceFormat.PortableText
        for key in dict.fromkeys(s.toString(portable) for s in action.shortcuts()):
            assert key not in table, f"{key} is both {table[key]!r} and {action.text()!r}"
            table[key] = action.text().replace("&", "")
    return table


def test_status_keys_are_the_same_in_the_main_window_and_the_daily_list(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(main)
    daily = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(daily)
    in_main = keys_of(main.actions())
    in_list = keys_of(daily.actions() + [a for a in daily.status_actions.values()])

    # The same key changes to the same status in both windows.
    def status_of(text: str) -> str:
        return text.lower().replace("mark ", "").replace("back to ", "").replace(" session…", "")

    shared = sorted(set(in_main) & set(in_list))
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+0"} <= set(shared)
    for key in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+0"):
        assert status_of(in_main[key]) == status_of(in_list[key]), key
    assert "cancel" in in_main["Ctrl+5"].lower() and "cancel" in in_list["Ctrl+5"].lower()
    # Switching views uses Alt+digit, so no digit means two things.
    assert in_main["Alt+1"].replace("&", "") == "Day grid"
    assert in_main["Alt+2"] == "Week overview"
