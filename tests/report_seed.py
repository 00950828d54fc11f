"""A seeded clinic day for the daily list, export and report tests (booked through services).

Tuesday 2026-11-24 in the test clinic (3 chairs, 08:00-18:00, clock Monday 07:00):

=====  ==========  ========================  =======  ==============================
time   chair       patient / therapy          minutes  what happens
=====  ==========  ========================  =======  ==============================
09:00  Chair 1     M001 denosumab             20       arrived, in chair, completed
09:00  Chair 3     M005 ferric carboxymaltose 75       GP denosumab: E2/E3 overridden
10:00  Chair 2     M002 ibandronate           30       no-show
11:00  Chair 1     M003 zoledronic acid       60       stays booked
13:00  Chair 3     M004 denosumab             20       cancelled ("patient unwell")
=====  ==========  ========================  =======  ==============================

Wednesday 2026-11-25 is a closed date. The statuses are set on the day itself (no status runs
ahead of the session's day): the clock moves to Tuesday 08:00 (ON_THE_DAY) for them and back
after, with the results the check-in gate needs on file (M001's calcium, M003's kidney and
calcium labs and weight: rules A8, A6 and R1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.results import FindingView
from tests.conftest import ADMIN, DESK, LONDON, NURSE

NORMAL = {
    "calcium": ("2.35", "mmol/L"),
    "creatinine": ("70", "umol/L"),
    "vitamin-d": ("75", "nmol/L"),
    "phosphate": ("1.0", "mmol/L"),
    "magnesium": ("0.85", "mmol/L"),
}


def record_normal_results(services: Services, mrn: str) -> None:
    """Normal results for every booked draw of the patient that has taken place."""
    _, labs = services.queries.patient_schedule(NURSE, mrn)
    now = services.ctx.clock()
    for lab in labs:
        if lab.status == "booked" and lab.start <= now and lab.id is not None:
            entries = [ResultEntry(t, *NORMAL[t]) for t in lab.tests if t in NORMAL]
            services.lab_results.record_results(NURSE, lab.id, entries)


DAY = date(2026, 11, 24)
# The clinic opens on the seeded day: statuses may be set, no session has started yet.
ON_THE_DAY = datetime(2026, 11, 24, 8, 0, tzinfo=LONDON)
CLOSED = date(2026, 11, 25)
COTHERAPY_RULES = {"E2", "E3", "E4", "E7"}
OVERRIDE_REASON = "Hb 74, haematology agrees; phosphate checked day 7 and 21"
CONSULTED = "Dr Ann Lee"  # the prescriber the nurse consulted for that override


@dataclass(frozen=True)
class SeededDay:
    """Ids of the seeded sessions, and the findings stored with the iron session."""

    completed: int
    iron: int
    no_show: int
    booked: int
    cancelled: int
    iron_findings: tuple[FindingView, ...]


def seed_day(services: Services) -> SeededDay:
    """Book and move on the sessions of the table above."""
    setup = services.setup
    setup.add_patient(DESK, mrn="M005", name="Eve Evans", date_of_birth="1949-02-02")
    setup.add_exposure(
        DESK, mrn="M005", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    book = services.booking.book

    def at(mrn: str, therapy: str, hhmm: str, chair: str, override: str | None = None) -> int:
        outcome = book(
            NURSE if override else DESK,
            BookingRequest(
                mrn=mrn,
                therapy=therapy,
                start=f"{DAY.isoformat()}T{hhmm}",
                chair=chair,
                override_reason=override,
                consulted=CONSULTED if override else None,
            ),
        )
        assert outcome.session.id is not None
        return outcome.session.id

    completed = at("M001", "denosumab", "09:00", "Chair 1")
    iron = at("M005", "ferric-carboxymaltose", "09:00", "Chair 3", OVERRIDE_REASON)
    no_show = at("M002", "ibandronate", "10:00", "Chair 2")
    booked = at("M003", "zoledronic-acid", "11:00", "Chair 1")
    cancelled = at("M004", "denosumab", "13:00", "Chair 3")
    booking_clock, services.ctx.clock = services.ctx.clock, fixed_clock(ON_THE_DAY)
    for mrn in ("M001", "M003"):
        record_normal_results(services, mrn)
    services.lab_results.record_weight(NURSE, "M003", "68")
    for status in ("arrived", "in-chair", "completed"):
        services.booking.set_status(NURSE, completed, status)
    services.booking.set_status(NURSE, no_show, "no-show")
    services.ctx.clock = booking_clock
    services.booking.cancel(NURSE, cancelled, "patient unwell")
    setup.add_closed_date(ADMIN, CLOSED, "staff training")
    (iron_view,) = [v for v in services.queries.day(NURSE, DAY).sessions if v.id == iron]
    return SeededDay(completed, iron, no_show, booked, cancelled, iron_view.findings)
