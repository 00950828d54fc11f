"""The task runner: results come back in the GUI thread, newest-only per key, not to the dead."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
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

    with qtbot.waitSignal(runner.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        runner.run(worker, done, failed)
        runner.run(boom, done, failed)
    assert sorted(seen) == [("done", 42, True), ("error", "ValueError", True)]
    assert not runner.busy


@pytest.mark.parametrize("older_finishes", ["first", "last"])
def test_only_the_newest_call_per_key_delivers(qtbot: QtBot, older_finishes: str) -> None:
    runner = TaskRunner()
    seen: list[int] = []
    older_gate, newer_gate = threading.Event(), threading.Event()

    def gated(value: int, gate: threading.Event) -> int:
        assert gate.wait(5)
        return value

    runner.run(lambda: gated(1, older_gate), seen.append, lambda e: None, key="check")
    runner.run(lambda: gated(2, newer_gate), seen.append, lambda e: None, key="check")
    # Each call is released by the test, in the order the case names, and the next only once
    # the GUI thread has received the first: the newer result is the only one delivered.
    if older_finishes == "first":
        older_gate.set()
        qtbot.waitUntil(lambda: len(runner._pending) == 1, timeout=20_000)  # older received
        assert seen == []  # ...and dropped
        with qtbot.waitSignal(runner.busy_changed, timeout=20_000) as idle:
            newer_gate.set()
    else:
        newer_gate.set()
        qtbot.waitUntil(lambda: seen == [2], timeout=20_000)
        with qtbot.waitSignal(runner.busy_changed, timeout=20_000) as idle:
            older_gate.set()
    assert idle.args == [False]
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
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(owner)  # deleted while the call still runs
    with qtbot.waitSignal(runner.busy_changed, timeout=20_000):
        gate.set()
    assert seen == []
