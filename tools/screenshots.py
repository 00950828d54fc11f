"""README screenshots from the real app on demo data: ``python -m tools.screenshots DIR``.

Seeds the demo clinic into a temporary SQLite database at a fixed moment (Monday
2026-11-23 07:00, Europe/London) and records one phoned-in outside exposure through the setup
service (so the re-check marks a booked iron session with a BLOCK). Then it opens the main
window at 1366x768 on the fullest demo day, and the booking dialog with a live BLOCK finding
(IV iron for the demo patient on denosumab).

The day grid and week overview are taken on a busy day instead: the busier fortnight of
``tools.report_screenshots`` (the real booking service, 40 extra patients asked for on
Wednesday 2026-11-25) looked at on that day at 11:30, when it is the clinic's today (the
now-line, the morning shaded, statuses moved on), at 1366x768 and 1920x1080:
``day-grid.png``, ``day-grid-1920.png``, ``week-overview.png``, ``week-overview-1920.png``.
The patient view of the demo patient on denosumab: ``patient-view.png``.

Runs offscreen unless a display platform is chosen with ``QT_QPA_PLATFORM``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock

DEMO_NOW = datetime(2026, 11, 23, 7, 0, tzinfo=ZoneInfo("Europe/London"))
SCREEN = (1366, 768)
SCREENS = {"": (1366, 768), "-1920": (1920, 1080)}
BUSY_EXTRA_ON_DAY = 40  # extra patients asked for on the busy day shown
ADMIN = Actor("demo.admin", Role.ADMIN)
NURSE = Actor("demo.nurse", Role.NURSE)


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Process Qt events until ``condition`` holds (raises after ``timeout`` seconds)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not settle in time")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def demo_services(folder: Path) -> Services:
    """The demo clinic in a new SQLite database inside ``folder``."""
    from clinic_app.services.demo_data import seed_demo

    services = open_services(f"sqlite:///{folder / 'demo.sqlite3'}", clock=fixed_clock(DEMO_NOW))
    seed_demo(services, ADMIN)
    return services


def fullest_day(services: Services) -> date:
    """The demo day with the most sessions and lab draws in the next two weeks."""
    first = DEMO_NOW.date()
    best, best_key = first, (-1, -1)
    for offset in range(15):
        day = first + timedelta(days=offset)
        listing = services.queries.day(NURSE, day)
        shown = [s for s in listing.sessions if s.status != "cancelled"]
        key = (len(shown) + len(listing.labs), len(listing.labs))
        if key > best_key:
            best, best_key = day, key
    return best


def phone_in_exposure(services: Services, day: date) -> int | None:
    """Record what the desk hears on the phone: a patient booked for IV iron on ``day`` had
    denosumab at the GP seven weeks ago. The service re-checks the booked session, which now
    carries a BLOCK finding; returns that session's id."""
    catalog = services.ctx.catalog
    listing = services.queries.day(NURSE, day)
    iron = [
        s
        for s in listing.sessions
        if s.status == "booked" and catalog.get(s.therapy).is_iron and not s.findings
    ]
    if not iron:
        return None
    session = iron[len(iron) // 2]
    services.setup.add_exposure(
        NURSE,
        mrn=session.mrn,
        drug="denosumab",
        last_dose=DEMO_NOW.date() - timedelta(weeks=7),
        where="GP surgery (patient phoned)",
    )
    return session.id


def take_busy_day(out_dir: Path, folder: Path) -> list[Path]:
    """The day grid and the week overview of a busy day at both screen sizes."""
    from tools import report_screenshots as busy

    url = f"sqlite:///{folder / 'busy.sqlite3'}"
    busy.seed_busy_fortnight(url, on_shown_day=BUSY_EXTRA_ON_DAY)
    busy.move_the_morning_on(url)
    services = open_services(url, clock=fixed_clock(busy.LOOK_MOMENT))
    written: list[Path] = []
    try:
        day = busy.SHOWN_DAY
        listing = services.queries.day(NURSE, day)
        shown = [s for s in listing.sessions if s.status != "cancelled"]
        print(f"busy day {day}: {len(shown)} sessions, {len(listing.labs)} lab draws")
        overridden = [s.id for s in shown if s.overridden and s.id is not None]
        for suffix, size in SCREENS.items():
            written += _shoot_busy(services, day, overridden[:1], size, out_dir, suffix)
    finally:
        services.engine.dispose()
    return written


def _shoot_busy(
    services: Services,
    day: date,
    select: list[int],
    size: tuple[int, int],
    out_dir: Path,
    suffix: str,
) -> list[Path]:
    """The main window at ``size`` on ``day`` (today): the day grid, then the week tab."""
    from clinic_app.gui.main_window import MainWindow

    window = MainWindow(services, NURSE)
    window.resize(*size)
    window.show()
    loaded: list[date] = []
    window.day_loaded.connect(loaded.append)
    window.go_to(day)
    wait_until(lambda: day in loaded and not window.runner.busy)
    if select:  # an overridden BLOCK in the details panel; the grid stays at now
        bar = window.grid_view.verticalScrollBar()
        kept = bar.value()
        window.grid_view.select_session(select[0])
        bar.setValue(kept)
    wait_until(lambda: True)
    written = [out_dir / f"day-grid{suffix}.png", out_dir / f"week-overview{suffix}.png"]
    window.grab().save(str(written[0]))
    window.tabs.setCurrentIndex(1)
    wait_until(lambda: window.week.model.facts is not None and not window.runner.busy)
    window.grab().save(str(written[1]))
    window.close()
    return written


def take(out_dir: Path) -> list[Path]:
    """Write the day grid and week overview (busy day) and ``booking-dialog.png`` into
    ``out_dir``; returns the paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.resources import stylesheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet())
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        written += take_busy_day(out_dir, Path(folder))
        services = demo_services(Path(folder))
        try:
            day = fullest_day(services)
            rechecked = phone_in_exposure(services, day)
            window = MainWindow(services, NURSE)
            window.resize(*SCREEN)
            window.show()
            loaded: list[date] = []
            window.day_loaded.connect(loaded.append)
            window.go_to(day)
            wait_until(lambda: day in loaded and not window.runner.busy)
            flagged = [
                s
                for s in (window.day_list.sessions if window.day_list else ())
                if s.findings and s.status != "cancelled"
            ]
            if rechecked is not None:
                window.grid_view.select_session(rechecked)
            elif flagged:
                window.grid_view.select_session(flagged[0].id or 0)
            # IV iron for the demo patient on denosumab from the GP: a live BLOCK (rule E2).
            patient = services.setup.patient(NURSE, "MRN100200")  # Margaret Smith, on denosumab
            dialog = BookingDialog(
                services,
                NURSE,
                window.runner,
                window.icons,
                BookingPrefill(
                    mrn=patient.mrn,
                    therapy="ferric-carboxymaltose",
                    start=datetime.combine(day + timedelta(days=1), datetime.min.time()).replace(
                        hour=10
                    ),
                ),
                window,
                today=DEMO_NOW.date(),
            )
            checked: list[bool] = []
            dialog.check_finished.connect(lambda: checked.append(True))
            dialog.resize(1280, 720)
            dialog.show()
            dialog.run_check()
            wait_until(lambda: bool(checked) and not window.runner.busy)
            dialog.picker.search_edit.setText(patient.mrn)
            dialog.picker.search_now()
            found: list[bool] = []
            dialog.slots_found.connect(lambda: found.append(True))
            dialog.find_slots()
            wait_until(lambda: bool(found) and not window.runner.busy)
            # The prescriber of the dose, and the override a nurse is typing with the
            # prescriber she consulted next to it.
            dialog.prescriber_edit.setText("Dr Priya Shah")
            dialog.practice_edit.setText("Haematology clinic")
            dialog.safety.override_edit.setText("Hb 78, oral iron failed; haematology agrees")
            dialog.safety.consulted_edit.setText("Dr Priya Shah")
            dialog.safety.consulted_edit.setFocus()
            path = out_dir / "booking-dialog.png"
            dialog.grab().save(str(path))
            written.append(path)
            dialog.close()
            written.append(shoot_patient_view(services, window, patient.mrn, out_dir))
            window.close()
        finally:
            services.engine.dispose()
    return written


def shoot_patient_view(services: Services, window: object, mrn: str, out_dir: Path) -> Path:
    """``patient-view.png``: the demo patient on denosumab (her sessions, findings in words,
    next doses) at the size the dialog opens with."""
    from clinic_app.gui.patient.patient_dialog import PatientDialog

    runner, icons = window.runner, window.icons  # type: ignore[attr-defined]
    dialog = PatientDialog(services, NURSE, runner, icons, mrn, window)  # type: ignore[arg-type]
    loaded: list[bool] = []
    dialog.loaded.connect(lambda: loaded.append(True))
    dialog.show()  # at the size it opens with
    wait_until(lambda: bool(loaded) and not runner.busy)
    path = out_dir / "patient-view.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m tools.screenshots OUTDIR``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.screenshots OUTDIR", file=sys.stderr)
        return 2
    for path in take(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
