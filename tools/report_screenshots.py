"""Screenshots of the daily list, the utilisation chart and a printed daily list.

``python -m tools.report_screenshots OUTDIR`` builds a throw-away SQLite clinic in a
temporary folder, seeds the demo clinic (``seed_demo``) at Monday 2026-11-23 07:00 London
time, books a busier fortnight on top through the real booking service (every rule applies),
then looks at it on Wednesday 2026-11-25 at 11:30 (the morning's sessions have moved on:
arrived, in chair, completed, a no-show, a cancellation) and writes:

* ``daily-list.png``: the daily list window at 1366x768;
* ``utilisation.png``: the utilisation report window at 1366x768;
* ``capacity.png``: the capacity report window at 1366x768 (the fortnight, the day shown's
  nurse load, a few patients on the waitlist);
* ``daily-list-print.png``: page 1 of the printed daily list (PDF -> PNG with ``pdftoppm``);

then, a week on (Thursday 2026-12-03 09:40, most results back, one URGENT calcium, a low
phosphate after iron, a few draws not back):

* ``results-list.png``: the nurses' results list at 1366x768;
* ``check-in-override.png``: the check-in gate stopping a session, with a nurse's override.

With ``--keep-pdf`` the printed daily list and the utilisation report PDFs are kept in OUTDIR
as well (for looking at every page).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

LONDON = ZoneInfo("Europe/London")
SEED_MOMENT = datetime(2026, 11, 23, 7, 0, tzinfo=LONDON)
LOOK_MOMENT = datetime(2026, 11, 25, 11, 30, tzinfo=LONDON)
SHOWN_DAY = date(2026, 11, 25)
REPORT_PERIOD = (date(2026, 11, 23), date(2026, 12, 4))
EXTRA_PATIENTS = 240
SIZE = (1366, 768)


def seed_busy_fortnight(url: str, *, on_shown_day: int = 22) -> None:
    """The demo clinic plus enough bookings for a realistic fortnight (``on_shown_day`` of the
    extra patients asked for on the day shown)."""
    from clinic_app.bootstrap import open_services
    from clinic_app.domain.errors import ClinicError
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.booking import BookingRequest
    from clinic_app.services.clock import fixed_clock
    from clinic_app.services.demo_data import FIRST_NAMES, LAST_NAMES, seed_demo

    services = open_services(url, clock=fixed_clock(SEED_MOMENT))
    admin = Actor("ada.admin", Role.ADMIN)
    desk = Actor("fred.desk", Role.FRONT_DESK)
    nurse = Actor("nina.nurse", Role.NURSE)
    seed_demo(services, admin)
    rng = random.Random(2026)
    therapies = (
        "zoledronic-acid",
        "ibandronate",
        "denosumab",
        "denosumab",
        "iron-sucrose",
        "iron-sucrose",
        "ferric-carboxymaltose",
        "ferric-derisomaltose",
        "sodium-ferric-gluconate",
    )
    first, last = REPORT_PERIOD
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() < 5]
    # A second co-therapy case on the day shown: GP denosumab, then iron here, overridden.
    services.setup.add_patient(
        desk, mrn="MRN200001", name="Edith Okonkwo", date_of_birth="1944-05-17", sex="F"
    )
    services.setup.add_exposure(
        desk,
        mrn="MRN200001",
        drug="denosumab",
        last_dose=SHOWN_DAY - relativedelta(months=3),
        where="GP surgery",
    )
    slots = services.booking.find_slots(
        nurse,
        "MRN200001",
        "ferric-carboxymaltose",
        SHOWN_DAY,
        count=6,
        include_overridable=True,
    )
    same_day = [s for s in slots if s.start.date() == SHOWN_DAY]
    if same_day:
        slot = same_day[min(3, len(same_day) - 1)]
        services.booking.book(
            nurse,
            BookingRequest(
                mrn="MRN200001",
                therapy="ferric-carboxymaltose",
                start=slot.start,
                chair=slot.chair,
                override_reason="Hb 81 g/L, oral iron failed; haematology agrees; "
                "phosphate and calcium checked at day 7 and 21",
                prescriber="Dr Priya Shah",
                consulted="Dr Priya Shah",
            ),
        )
    for number in range(EXTRA_PATIENTS):
        mrn = f"MRN3{number:05d}"
        first_name = FIRST_NAMES[number % len(FIRST_NAMES)]
        # (first, last) pairs never repeat the demo's own (i, i) patients.
        offset = 1 + number // len(FIRST_NAMES)
        last_name = LAST_NAMES[(number % len(FIRST_NAMES) + offset) % len(LAST_NAMES)]
        services.setup.add_patient(
            desk,
            mrn=mrn,
            name=f"{first_name} {last_name}",
            date_of_birth=date(
                1940 + rng.randrange(45), rng.randrange(1, 13), 1 + rng.randrange(28)
            ),
        )
        day = SHOWN_DAY if number < on_shown_day else rng.choice(days)
        therapy = rng.choice(therapies)
        try:
            options = services.booking.find_slots(desk, mrn, therapy, day, count=4)
            if options:
                choice = options[rng.randrange(len(options))]
                services.booking.book(
                    desk,
                    BookingRequest(
                        mrn=mrn, therapy=therapy, start=choice.start, chair=choice.chair
                    ),
                )
        except ClinicError:
            continue
    services.engine.dispose()


def move_the_morning_on(url: str) -> None:
    """At 11:30 on the day shown: statuses as the nurses set them; the past days completed."""
    from clinic_app.bootstrap import open_services
    from clinic_app.domain.errors import ClinicError
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock

    services = open_services(url, clock=fixed_clock(LOOK_MOMENT))
    nurse = Actor("nina.nurse", Role.NURSE)
    rng = random.Random(11)
    cancelled: list[int] = []
    for view in services.queries.sessions_between(nurse, REPORT_PERIOD[0], SHOWN_DAY):
        if view.id is None or view.status != "booked":
            continue
        try:
            if view.end <= LOOK_MOMENT:
                if rng.random() < 0.08 and not view.findings:
                    services.booking.set_status(nurse, view.id, "no-show")
                    continue
                for status in ("arrived", "in-chair", "completed"):
                    services.booking.set_status(nurse, view.id, status)
            elif view.start <= LOOK_MOMENT:
                services.booking.set_status(nurse, view.id, "arrived")
                services.booking.set_status(nurse, view.id, "in-chair")
            elif view.start <= LOOK_MOMENT + timedelta(minutes=30):
                services.booking.set_status(nurse, view.id, "arrived")
            elif view.start.date() == SHOWN_DAY and view.start.hour >= 14 and not cancelled:
                services.booking.cancel(nurse, view.id, "Patient unwell, will phone to rebook")
                cancelled.append(view.id)
        except ClinicError:
            continue
    services.engine.dispose()


def take_screenshots(url: str, outdir: Path, *, pdf_dir: Path) -> list[Path]:
    """Open the windows on the seeded database and save the pictures into ``outdir``."""
    from PySide6.QtWidgets import QApplication

    from clinic_app.bootstrap import open_services
    from clinic_app.exports.daily_list_print import write_day_list_pdf
    from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
    from clinic_app.gui.reports.utilisation_view import UtilisationWindow
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = open_services(url, clock=fixed_clock(LOOK_MOMENT))
    nurse = Actor("nina.nurse", Role.NURSE)
    manager = Actor("mia.manager", Role.MANAGER)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    daily = DailyListWindow(services, nurse)
    daily.resize(*SIZE)
    daily.go_to(SHOWN_DAY)
    daily.show()
    flagged_row = next(
        (n for n, view in enumerate(daily.model.sessions()) if view.cotherapy_flagged), 0
    )
    daily.table.selectRow(flagged_row)
    daily.table.setFocus()
    app.processEvents()
    path = outdir / "daily-list.png"
    daily.grab().save(str(path))
    written.append(path)

    pdf = pdf_dir / "daily-list-print.pdf"
    write_day_list_pdf(daily.day_list, pdf, clinic_name=daily.clinic_name, printed_at=LOOK_MOMENT)
    png = outdir / "daily-list-print.png"
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(png.with_suffix("")),
            ],
            check=True,
        )
        written.append(png)
    else:
        print("pdftoppm not found (apt-get install poppler-utils): no print PNG", file=sys.stderr)
    daily.close()

    report = UtilisationWindow(services, manager)
    report.resize(*SIZE)
    report.set_period(*REPORT_PERIOD)
    report.show()
    report.tabs.setFocus()
    if report.task is not None:
        report.task.wait(60_000)
    app.processEvents()
    report.refresh()
    if report.task is not None:
        report.task.wait(60_000)
    app.processEvents()
    app.processEvents()
    path = outdir / "utilisation.png"
    report.grab().save(str(path))
    written.append(path)
    report.save_pdf(pdf_dir / "utilisation-report.pdf")
    report.close()

    path = outdir / "capacity.png"
    take_capacity_screenshot(services, path)
    written.append(path)
    services.engine.dispose()
    return written


# Patients put on the waitlist for the capacity screenshot: (MRN, therapy).
WAITLIST = (
    ("MRN300010", "denosumab"),
    ("MRN300011", "denosumab"),
    ("MRN300012", "iron-sucrose"),
    ("MRN300013", "zoledronic-acid"),
    ("MRN300014", "denosumab"),
    ("MRN300015", "ferric-carboxymaltose"),
)


def take_capacity_screenshot(services: Any, path: Path) -> None:
    """The capacity report of the fortnight at 1366x768, the day shown's row chosen."""
    from PySide6.QtWidgets import QApplication

    from clinic_app.gui.reports.capacity_view import CapacityWindow
    from clinic_app.services.actor import Actor, Role

    app = QApplication.instance()
    assert app is not None
    desk = Actor("fred.desk", Role.FRONT_DESK)
    for mrn, therapy in WAITLIST:
        services.waitlist.add(desk, mrn, therapy, SHOWN_DAY, SHOWN_DAY + timedelta(days=60))
    window = CapacityWindow(services, Actor("mia.manager", Role.MANAGER))
    window.resize(*SIZE)
    window.set_period(*REPORT_PERIOD)
    window.show()
    window.runner.wait(60_000)
    app.processEvents()
    window.refresh()
    window.runner.wait(60_000)
    for _ in range(3):
        app.processEvents()
    shown = next(n for n, day in enumerate(window.day_model.rows()) if day.day == SHOWN_DAY)
    window.table.selectRow(shown)
    window.table.setFocus()
    app.processEvents()
    window.grab().save(str(path))
    window.close()


# The results list a week on: Thursday 3 December 2026, 09:40.
RESULTS_MOMENT = datetime(2026, 12, 3, 9, 40, tzinfo=LONDON)
# Demo values in range, for the draws whose results came back (not rule thresholds).
DEMO_NORMAL = {
    "calcium": 2.35,
    "phosphate": 1.0,
    "magnesium": 0.85,
    "creatinine": 80.0,
    "vitamin-d": 75.0,
    "hemoglobin": 125.0,
    "ferritin": 150.0,
    "tsat": 25.0,
    "pth": 5.0,
}
STILL_OUT = 4  # draws left without results (R4)


def seed_results(url: str) -> None:
    """A week on: most draws' results are back and normal; one calcium is severely low (R3
    URGENT, and it stops the patient's antiresorptive); the co-therapy patient's day-7
    phosphate after iron is low (R2: call the prescriber); a few draws are not back (R4)."""
    from clinic_app.bootstrap import open_services
    from clinic_app.domain.errors import ClinicError
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock
    from clinic_app.services.lab_results import ResultEntry

    services = open_services(url, clock=fixed_clock(RESULTS_MOMENT))
    nurse = Actor("nina.nurse", Role.NURSE)
    units = services.lab_results.test_units(nurse)

    def record(lab_id: int, tests: Sequence[str], **low: float) -> bool:
        entries = [
            ResultEntry(t, low.get(t.replace("-", "_"), DEMO_NORMAL[t]), units[t]) for t in tests
        ]
        try:
            services.lab_results.record_results(nurse, lab_id, entries)
        except ClinicError:
            return False
        return True

    _, labs = services.queries.patient_schedule(nurse, "MRN200001")
    for lab in labs:
        day_7 = any("day 7" in label for label in lab.labels)
        if lab.id is not None and day_7 and lab.start <= RESULTS_MOMENT:
            record(lab.id, lab.tests, phosphate=0.55)
    pending = list(services.lab_results.results_list(nurse).not_back)
    urgent_done = False
    for missing in pending[: len(pending) - STILL_OUT]:
        if not urgent_done and "calcium" in missing.missing_tests:
            sessions, _ = services.queries.patient_schedule(nurse, missing.mrn)
            if any(v.status == "booked" and v.start > RESULTS_MOMENT for v in sessions):
                urgent_done = record(missing.lab_id, missing.missing_tests, calcium=1.82)
                if urgent_done:
                    continue
        record(missing.lab_id, missing.missing_tests)
    services.engine.dispose()


def take_results_screenshots(url: str, outdir: Path) -> list[Path]:
    """The nurses' results list, and the check-in override dialog of a session the gate stops
    (no calcium on file for an antiresorptive, R1), with the nurse's override typed."""
    from PySide6.QtWidgets import QApplication

    from clinic_app.bootstrap import open_services
    from clinic_app.domain.errors import RuleRefusalError
    from clinic_app.gui.check_in.override_dialog import CheckInOverrideDialog
    from clinic_app.gui.resources import IconSet
    from clinic_app.gui.results.results_window import ResultsWindow
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = open_services(url, clock=fixed_clock(RESULTS_MOMENT))
    nurse = Actor("nina.nurse", Role.NURSE)
    written: list[Path] = []

    window = ResultsWindow(services, nurse)
    window.resize(*SIZE)
    window.show()
    # The cursor on a draw not back (so "Record results" is offered); the tinted URGENT and
    # ALERT rows stay visible above it.
    window.select_row(
        next(
            (n for n in range(window.model.rowCount()) if window.model.item(n).missing),
            0,
        )
    )
    window.table.setFocus()
    app.processEvents()
    app.processEvents()
    path = outdir / "results-list.png"
    window.grab().save(str(path))
    written.append(path)
    window.close()

    refusal: RuleRefusalError | None = None
    day = services.queries.day(nurse, RESULTS_MOMENT.date())
    for view in day.sessions:
        if view.id is None or view.status != "booked" or view.start < RESULTS_MOMENT:
            continue
        try:
            services.booking.set_status(nurse, view.id, "arrived")
        except RuleRefusalError as error:
            if error.overridable:
                refusal = error
                dialog = CheckInOverrideDialog(nurse, IconSet(), view, "arrived", error)
                break
        else:
            services.booking.set_status(nurse, view.id, "booked")
    if refusal is not None:
        dialog.panel.override_edit.setText(
            "Drawn at the GP on 30 Nov, in range (letter seen); Dr Shah agrees to go ahead"
        )
        dialog.panel.consulted_edit.setText("Dr Priya Shah")
        dialog.resize(900, 440)
        dialog.show()
        app.processEvents()
        dialog.panel.override_edit.deselect()  # focus selected it all; show it as typed
        app.processEvents()
        path = outdir / "check-in-override.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.close()
    else:
        print("no session stopped at check-in on the day shown: no dialog PNG", file=sys.stderr)
    services.engine.dispose()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Write the screenshots into the folder named on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    keep_pdf = "--keep-pdf" in args
    args = [a for a in args if a != "--keep-pdf"]
    if len(args) != 1:
        print(
            "usage: python -m tools.report_screenshots [--keep-pdf] OUTDIR",
            file=sys.stderr,
        )
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    outdir = Path(args[0])
    with tempfile.TemporaryDirectory(prefix="clinic-shots-") as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        seed_busy_fortnight(url)
        move_the_morning_on(url)
        pdf_dir = outdir if keep_pdf else Path(folder)
        for path in take_screenshots(url, outdir, pdf_dir=pdf_dir):
            print(path)
        seed_results(url)
        for path in take_results_screenshots(url, outdir):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
