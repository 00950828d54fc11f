"""Saving a window's printout as PDF: the path asked for, a cancelled choice, a failed write.

The modal parts (the file chooser and the error box) are replaced, as pytest-qt advises; the
window, its status bar and the writing are real.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow
from pytestqt.qtbot import QtBot

from clinic_app.gui.common import save_pdf as saving


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    return shown


def test_a_given_path_is_written_and_announced(window: QMainWindow, tmp_path: Path) -> None:
    target = tmp_path / "list.pdf"
    written = saving.save_pdf(
        window,
        title="t",
        suggested_name="x.pdf",
        write=lambda p: p.write_bytes(b"%PDF"),
        path=target,
    )
    assert written == target and target.read_bytes() == b"%PDF"
    assert window.statusBar().currentMessage() == f"Saved {target}"


def test_the_chooser_suggests_the_name_in_the_home_folder(
    window: QMainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Any, ...]] = []
    chosen = tmp_path / "chosen.pdf"

    def choose(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(chosen), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    written = saving.save_pdf(
        window, title="Save it", suggested_name="day.pdf", write=lambda p: p.write_text("x")
    )
    assert written == chosen and chosen.read_text() == "x"
    assert asked == [(window, "Save it", str(Path.home() / "day.pdf"), "PDF (*.pdf)")]


def test_a_cancelled_choice_writes_nothing(
    window: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    calls: list[Path] = []
    assert saving.save_pdf(window, title="t", suggested_name="x.pdf", write=calls.append) is None
    assert calls == [] and window.statusBar().currentMessage() == ""


def test_a_failed_write_is_shown_not_announced(
    window: QMainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        saving, "show_error", lambda parent, title, text: shown.append((title, text))
    )
    target = tmp_path / "no such folder" / "x.pdf"
    written = saving.save_pdf(
        window, title="t", suggested_name="x.pdf", write=lambda p: p.write_text("x"), path=target
    )
    assert written is None and not target.exists()
    assert shown and shown[0][0] == "Save as PDF" and "no such folder" in shown[0][1]
    assert window.statusBar().currentMessage() == ""
