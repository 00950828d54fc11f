"""One measurement in a fresh process (the benchmark's start-up, export and GUI-stall probes).

``python -m bench.probe URL start``: open the app's main window on URL (as the app does,
migrations checked, without the login dialog) and wait until the first day is on screen.
``python -m bench.probe URL export csv|xlsx FIRST LAST``: one export through ``ExportService``.
``python -m bench.probe URL stall``: the longest GUI-thread stall while the desk scrolls a
week day by day, opens the week overview, and books through the main window's runner.
``python -m bench.probe URL live app|server``: how long another desk's booking takes to show
on this window's day grid, in one process (two windows of one app) or through a clinic
server process (``python -m bench.probe URL serve PORT``, the same ``run`` as
``clinic-app serve``) with each desk on its own ``RemoteServices``.

Each prints one JSON line: peak resident memory (``ru_maxrss``) and the probe's figures.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time as clock
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait(app: Any, signal: Any, timeout_ms: int = 120_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def start(url: str) -> dict[str, float]:
    """What ``clinic-app --db URL`` does up to the first day on screen, without the login.

    The same modules in the same order (the command line's module, which imports the
    database layer, then Qt in ``make_application``), the same Qt application (style sheet,
    icon), the database opened and checked for upgrades, the main window built and shown.
    The login dialog is left out (it waits for a person): in the real start its password
    check comes on top (argon2id by design: 88-150 ms per verify on this loaded machine) and
    its module imports argon2 anyway (bootstrap imports the auth service).
    """
    import clinic_app.cli  # noqa: F401  # the entry point's module: what `clinic-app` imports
    from bench.moment import NOW
    from clinic_app.app import make_application, settle_heap
    from clinic_app.bootstrap import open_services
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock

    app = make_application()
    services = open_services(url, clock=fixed_clock(NOW), create=False)
    from clinic_app.gui.main_window import MainWindow

    window = MainWindow(services, Actor("bench.nurse", Role.NURSE))
    window.show()
    settle_heap()  # as run_gui does once the window is shown
    _wait(app, window.day_loaded)
    shown = len(window.grid_model.blocks)
    window.close()
    services.engine.dispose()
    return {"peak_mb": peak_mb(), "blocks": shown, "modules": len(sys.modules)}


def export(url: str, fmt: str, first: str, last: str) -> dict[str, float]:
    from bench.generate import NOW
    from clinic_app.bootstrap import open_services
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock
    from clinic_app.services.exports import ExportRequest

    services = open_services(url, clock=fixed_clock(NOW), migrate=False)
    services.setup.clinic_name()  # connect before the baseline
    base = peak_mb()
    with tempfile.TemporaryDirectory() as folder:
        began = clock.perf_counter()
        request = ExportRequest(first, last, fmt, Path(folder) / f"year.{fmt}")
        rows = services.exports.export(Actor("bench.manager", Role.MANAGER), request)
        took = (clock.perf_counter() - began) * 1e3
    services.engine.dispose()
    return {"export_ms": took, "peak_mb": peak_mb(), "base_mb": base, "rows": rows}


def stall(url: str, days: int = 5) -> dict[str, float]:
    """Longest gap between GUI event-loop turns while the desk works on the big database.

    A 1 ms timer ticks on the GUI thread; any gap between ticks beyond the timer's own
    interval is time the GUI thread could not react (a stall). Measured while: the window
    opens on today, the desk steps through ``days`` days (waiting for each to load), opens the
    week overview, and books a session through the main window's task runner.
    """
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.generate import NOW
    from clinic_app.app import settle_heap
    from clinic_app.bootstrap import open_services
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.booking import BookingRequest
    from clinic_app.services.clock import fixed_clock

    app = QApplication.instance() or QApplication([])
    services = open_services(url, clock=fixed_clock(NOW), migrate=False)
    nurse = Actor("bench.nurse", Role.NURSE)
    window = MainWindow(services, nurse)
    window.show()
    settle_heap()  # as run_gui does once the window is shown
    _wait(app, window.day_loaded)  # start-up is measured on its own

    gaps: list[float] = []
    watch = QElapsedTimer()
    watch.start()
    last = [watch.nsecsElapsed()]

    def tick() -> None:
        now = watch.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(tick)
    ticker.start()
    for _ in range(days):
        window.step_day(1)
        _wait(app, window.day_loaded)
    window.tabs.setCurrentIndex(1)
    window.week.show_week(window.day)
    _wait(app, window.week.loaded)
    mrn = f"S{clock.time_ns() % 10**9}"
    services.setup.add_patient(nurse, mrn=mrn, name="Stall probe", date_of_birth="1950-01-01")
    when = services.booking.find_slots(
        nurse, mrn, "ferric-carboxymaltose", NOW.date() + timedelta(days=14), count=1
    )[0].start.replace(tzinfo=None)
    from PySide6.QtCore import QEventLoop

    outcome: list[object] = []
    booked = QEventLoop()

    def finished(answer: object) -> None:
        outcome.append(answer)
        booked.quit()

    last[0] = watch.nsecsElapsed()  # the set-up above ran on this thread on purpose
    window.runner.run(
        lambda: services.booking.book(nurse, BookingRequest(mrn, "ferric-carboxymaltose", when)),
        finished, finished, context=window,
    )  # fmt: skip
    if not outcome:
        booked.exec()
    window.reload()
    _wait(app, window.day_loaded)
    ticker.stop()
    window.close()
    services.engine.dispose()
    ordered = sorted(gaps)
    return {
        "stall_ms": ordered[-1] if ordered else 0.0,
        "p99_ms": ordered[int(0.99 * (len(ordered) - 1))] if ordered else 0.0,
        "ticks": len(gaps),
        "peak_mb": peak_mb(),
    }


LIVE_PASSWORD = "bench live-change probe"  # the probe's own two users (server mode)


def serve(url: str, port: str) -> None:
    """A clinic server on the benchmark's database and clock (the owner's login is allowed:
    the benchmark's PostgreSQL URL is the owner's)."""
    from bench.generate import NOW
    from clinic_app.bootstrap import open_services
    from clinic_app.server.serve import check_login, run
    from clinic_app.services.clock import fixed_clock

    services = open_services(url, clock=fixed_clock(NOW), create=False, migrate=False)
    check_login(services, allow_owner=True)
    raise SystemExit(run(services, host="127.0.0.1", port=int(port)))


def _shown_after(window: Any, book: Any) -> float:
    """Run ``book()`` (returns the new session's id) on a thread of its own; the ms from its
    start until a turn of this GUI thread's event loop finds the session in the grid."""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    booked: list[int] = []
    shown = QEventLoop()

    def look() -> None:
        if booked and window.grid_model.index_of_session(booked[0]).isValid():
            shown.quit()

    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(look)
    began = clock.perf_counter()
    worker = threading.Thread(target=lambda: booked.append(book()))
    worker.start()
    poll.start()
    QTimer.singleShot(30_000, shown.quit)
    shown.exec()
    took = (clock.perf_counter() - began) * 1e3
    poll.stop()
    worker.join()
    if not (booked and window.grid_model.index_of_session(booked[0]).isValid()):
        raise SystemExit("the booking did not show on the grid within 30 s")
    return took


def live(url: str, over: str, bookings: str = "5") -> dict[str, Any]:
    """From another desk sending a booking until this window's day grid shows it.

    The window is the main window on the booked day (navigated there and loaded before the
    booking is sent); the other desk books a new patient on a thread of its own, as another
    PC (``server``) or another window's worker (``app``) would. Timed from the booking's
    request to the first turn of this GUI thread's event loop that finds the session in the
    grid model, so the booking's own time is inside the figure (an upper bound on
    commit-to-screen). One figure per booking; each books a new patient.
    """
    from contextlib import suppress

    from PySide6.QtWidgets import QApplication

    from bench.generate import NOW
    from clinic_app.app import settle_heap
    from clinic_app.bootstrap import open_services
    from clinic_app.domain.errors import InvalidInputError
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.booking import BookingRequest
    from clinic_app.services.clock import fixed_clock

    app = QApplication.instance() or QApplication([])
    local = open_services(url, clock=fixed_clock(NOW), migrate=False)
    nurse = Actor("bench.live.nurse", Role.NURSE)
    desk = Actor("bench.live.desk", Role.FRONT_DESK)
    remotes: list[Any] = []
    server = None
    try:
        if over == "server":
            from bench.load import Instance
            from clinic_app.client import RemoteServices

            class BenchClockServer(Instance):
                def command(self) -> list[str]:
                    return [sys.executable, "-m", "bench.probe", url, "serve", str(self.port)]

            admin = Actor("bench.admin", Role.ADMIN)
            for actor in (nurse, desk):
                with suppress(InvalidInputError):  # made by an earlier run, with this password
                    local.auth.add_user(admin, actor.username, actor.role, LIVE_PASSWORD)
            server = BenchClockServer("live", url, Path(tempfile.mkdtemp(prefix="bench-serve-")))
            server.start()
            server.wait_ready(timeout=120)
            for actor in (nurse, desk):
                remote = RemoteServices(server.url, clock=fixed_clock(NOW))
                remotes.append(remote)
                remote.auth.authenticate(actor.username, LIVE_PASSWORD)
            window_services, booking_services = remotes
            window_services.start_change_listener()
            listener = window_services.change_listener
            if listener is None or not listener.connected.wait(60):
                raise SystemExit("the window's desk did not connect to the event stream")
        elif over == "app":
            window_services = booking_services = local
        else:
            raise SystemExit(f"live: over 'app' or 'server', not {over!r}")

        window = MainWindow(window_services, nurse)
        window.show()
        settle_heap()
        _wait(app, window.day_loaded)
        blocks: list[int] = []
        took: list[float] = []
        tag = clock.time_ns() % 10**9
        for i in range(int(bookings)):
            mrn = f"L{tag}{i}"
            booking_services.setup.add_patient(
                desk, mrn=mrn, name="Live probe", date_of_birth="1950-01-01"
            )
            option = booking_services.booking.find_slots(
                desk, mrn, "zoledronic-acid", NOW.date() + timedelta(days=7 + i), count=1
            )[0]
            if window.day != option.start.date():
                window.go_to(option.start.date())
                _wait(app, window.day_loaded)
            blocks.append(len(window.grid_model.blocks))
            request = BookingRequest(
                mrn, "zoledronic-acid", option.start.replace(tzinfo=None), chair=option.chair
            )

            def book(r: Any = request) -> int:
                return int(booking_services.booking.book(desk, r).session.id)

            took.append(_shown_after(window, book))
        window.close()
    finally:
        # A failed run leaves no server behind on the benchmark's database.
        for remote in remotes:
            remote.close()
        if server is not None:
            server.stop()
        local.engine.dispose()
    return {
        "live_ms": statistics.median(took),
        "runs": took,
        "blocks": statistics.median(blocks),
        "peak_mb": peak_mb(),
    }


def main(argv: list[str]) -> None:
    """Dispatch on the probe's name and print its JSON line.

    With ``BENCH_CAPTURE=FILE`` in the environment (an untimed run of the runner's), every
    statement the probe sends is also pickled to FILE, for the bare-SQL replay.
    """
    url, what, *rest = argv
    capture = os.environ.get("BENCH_CAPTURE")
    log = None
    if capture:
        from sqlalchemy import Engine

        from bench.runner import StatementLog

        log = StatementLog(Engine)  # every engine the probe makes
        log.active = True
    if what == "start":
        answer = start(url)
    elif what == "export":
        answer = export(url, *rest)
    elif what == "stall":
        answer = stall(url)
    elif what == "live":
        answer = live(url, *rest)
    elif what == "serve":
        serve(url, *rest)
        return
    else:
        raise SystemExit(f"unknown probe {what!r}")
    if capture and log is not None:
        with open(capture, "wb") as file:
            pickle.dump(log.statements, file)
    print(json.dumps(answer))


if __name__ == "__main__":
    main(sys.argv[1:])
