"""The task runner: results come back in the GUI thread, newest-only per key, not to the dead."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from clinic_app.gui.tasks import TaskRunner


def test_result_and_error_arrive_in_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, object, bool]] = []
    main = threading.get_ident()

    def done(value: object) -> None:
        seen.append(("done", value, threading.get_ident() == main))

    def failed(error: BaseException) -> None:
        seen.append(("error", type(error).__name__, threading.get_ident() == main))

    def worker() -> int:
        assert threading.get_ident() != main
        return 42

    def boom() -> int:
        raise ValueError("bad")

    with qtbot.waitSignal(runner.busy_changed, timeout=5_000, check_params_cb=lambda b: not b):
        runner.run(worker, done, failed)
        runner.run(boom, done, failed)
    assert sorted(seen) == [("done", 42, True), ("error", "ValueError", True)]
    assert not runner.busy


def test_only_the_newest_call_per_key_delivers(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[int] = []

    def slow(value: int, pause: float) -> int:
        time.sleep(pause)
        return value

    runner.run(lambda: slow(1, 0.2), seen.append, lambda e: None, key="check")
    runner.run(lambda: slow(2, 0.0), seen.append, lambda e: None, key="check")
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert seen == [2]


def test_a_result_for_a_deleted_widget_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner = QObject()
    seen: list[object] = []
    gate = threading.Event()

    def wait_for_gate() -> str:
        gate.wait(5)
        return "late"

    runner.run(wait_for_gate, seen.append, seen.append, context=owner)
    owner.deleteLater()
    qtbot.wait(20)  # the owner is deleted while the call still runs
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert seen == []
