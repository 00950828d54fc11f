"""Six months of referrals for a 20-chair, 6-nurse clinic, booked through the real booking
service under two policies: first fit (the earliest safe slot, today's behaviour) and
level-loaded (the slot find_slots marks as recommended). Deterministic (seeded).

Run from the repository root:

    .venv/bin/python -m bench.capacity.simulate                # both policies, 26 weeks
    .venv/bin/python -m bench.capacity.simulate --weeks 2 --per-day 6 --policy first-fit

Each policy gets its own temporary SQLite file and the same referrals. Every booking goes
through BookingService.find_slots and BookingService.book, so the chair check, the nurse
invariant and every clinical rule apply; nothing is overridden. After the run the diary is
checked (no chair or patient overlap, the nurse invariant at every minute, no booking with a
HARD or BLOCK finding) and the metrics are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import SchedulingConflictError
from clinic_app.domain.findings import Severity
from clinic_app.domain.nurse_capacity import DayLoad, hhmm
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest, SlotView

ZONE = ZoneInfo("Europe/London")
FIRST_DAY = date(2027, 1, 4)  # a Monday
CHAIRS = 20
NURSES = 6
# Shifts: three early, three late, each with a 30-minute break (the clinic opens 08:00-18:00).
SHIFTS = (
    ("08:00", "16:00", "12:00-12:30"),
    ("08:00", "16:00", "12:30-13:00"),
    ("08:00", "16:00", "13:00-13:30"),
    ("10:00", "18:00", "13:30-14:00"),
    ("10:00", "18:00", "14:00-14:30"),
    ("10:00", "18:00", "14:30-15:00"),
)
ADMIN = Actor("sim.admin", Role.ADMIN)
MANAGER = Actor("sim.manager", Role.MANAGER)
NURSE = Actor("sim.nurse", Role.NURSE)
DESK = Actor("sim.desk", Role.FRONT_DESK)


@dataclass(frozen=True)
class Plan:
    """A therapy's doses in the six months: the code and the days between doses (the
    clinical rules file's course/interval column; the service enforces the rules)."""

    code: str
    gaps: tuple[int, ...] = ()


# The mix of bench/generate.py (issue 10's clinic): 56 % IV iron courses, 12 % zoledronic
# acid, 14 % denosumab, 4 % ibandronate (renormalised, co-therapy left out).
MIX: tuple[tuple[Plan, int], ...] = (
    (Plan("ferric-carboxymaltose", (7,)), 20),  # 2 doses >= 7 days apart
    (Plan("ferric-derisomaltose"), 12),  # usually 1
    (Plan("ferumoxytol", (3,)), 8),  # 2 doses 3-8 days apart
    (Plan("iron-sucrose", (3, 3)), 10),  # up to 5 doses within 14 days: 3 here
    (Plan("sodium-ferric-gluconate", (7,)), 3),
    (Plan("iron-dextran"), 3),
    (Plan("zoledronic-acid"), 12),  # yearly: one dose in six months
    (Plan("denosumab"), 14),  # 6-monthly: one dose
    (Plan("ibandronate", (92,)), 4),  # 3-monthly: two doses
)


@dataclass
class Referral:
    """A patient referred on ``day`` for the doses of ``plan``."""

    mrn: str
    plan: Plan
    day: date


@dataclass
class Result:
    """What booking the referrals under one policy gave."""

    policy: str
    waits: list[int] = field(default_factory=list)
    first_doses: int = 0
    sessions: int = 0
    unbooked: int = 0
    refused: int = 0
    find_ms: list[float] = field(default_factory=list)


def referrals(weeks: int, per_day: float, seed: int) -> list[Referral]:
    """Referrals on each weekday (Poisson, mean ``per_day``), the therapy drawn from MIX."""
    rng = random.Random(seed)
    plans = [p for p, _ in MIX]
    weights = [w for _, w in MIX]
    out: list[Referral] = []
    for offset in range(weeks * 7):
        day = FIRST_DAY + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        count = _poisson(rng, per_day)
        for _ in range(count):
            out.append(Referral(f"S{len(out) + 1:06d}", rng.choices(plans, weights)[0], day))
    return out


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class SimClock:
    """The services' clock: 07:00 local on the simulated day."""

    def __init__(self) -> None:
        self.day = FIRST_DAY

    def __call__(self) -> datetime:
        return datetime.combine(self.day, time(7), tzinfo=ZONE).astimezone(UTC)


def build_clinic(url: str, clock: SimClock, days: int) -> Services:
    services = open_services(url, clock=clock)
    services.setup.init_clinic(ADMIN, name="Capacity clinic", timezone="Europe/London")
    for number in range(1, CHAIRS + 1):
        services.setup.add_chair(ADMIN, f"Chair {number}")
    for index, (start, end, rest) in enumerate(SHIFTS[:NURSES]):
        name = f"Nurse {index + 1}"
        services.staffing.add_nurse(MANAGER, name)
        for offset in range(days):
            day = FIRST_DAY + timedelta(days=offset)
            if day.weekday() < 5:
                services.staffing.set_shift(MANAGER, name, day, start, end, (rest,))
    return services


def choose(slots: Sequence[SlotView], policy: str) -> list[SlotView]:
    """The slots in the order the policy tries them."""
    if policy == "level-loaded":
        marked = [s for s in slots if s.recommended]
        return marked + [s for s in slots if not s.recommended]
    return list(slots)


def book_dose(services: Services, result: Result, mrn: str, code: str, after: date) -> date | None:
    """Find and book one dose on or after ``after``; the day booked, or None."""
    import time as timer

    for _attempt in range(3):
        began = timer.perf_counter()
        slots = services.booking.find_slots(NURSE, mrn, code, after, count=8, horizon_days=120)
        result.find_ms.append((timer.perf_counter() - began) * 1e3)
        for slot in choose(slots, result.policy):
            try:
                outcome = services.booking.book(
                    NURSE, BookingRequest(mrn, code, slot.start, chair=slot.chair)
                )
            except SchedulingConflictError:
                result.refused += 1
                continue
            # No override is ever given: a booking that saved carries no HARD/BLOCK finding.
            severities = {f.severity for f in outcome.findings}
            assert not severities & {Severity.HARD, Severity.BLOCK}, (mrn, outcome.findings)
            result.sessions += 1
            return slot.start.date()
        if not slots:
            return None
    return None


def run(
    policy: str,
    weeks: int,
    per_day: float,
    seed: int,
    workdir: Path,
    *,
    rota_days: int | None = None,
) -> tuple[Result, Path]:
    """Book every referral under ``policy``; the result and the diary's file. The rota
    reaches ``rota_days`` (default: past the last referral's follow-up doses)."""
    days = rota_days if rota_days is not None else weeks * 7 + 130
    path = workdir / f"capacity-{policy}.sqlite3"
    path.unlink(missing_ok=True)  # each run starts from an empty clinic
    clock = SimClock()
    services = build_clinic(f"sqlite:///{path}", clock, days)
    result = Result(policy)
    defaultdict(list)
    for referral in referrals(weeks, per_day, seed):
        if clock.day != referral.day:
            clock.day = referral.day
        services.setup.add_patient(
            DESK, mrn=referral.mrn, name=f"Patient {referral.mrn}", date_of_birth="1955-05-05"
        )
        first = book_dose(services, result, referral.mrn, referral.plan.code, referral.day)
        if first is None:
            result.unbooked += 1
            continue
        result.first_doses += 1
        result.waits.append((first - referral.day).days)
        due = first
        for gap in referral.plan.gaps:
            due = due + timedelta(days=gap)
            booked = book_dose(services, result, referral.mrn, referral.plan.code, due)
            if booked is None:
                break
            due = booked
    services.engine.dispose()
    return result, path


@dataclass
class DiaryFacts:
    """The stored diary over the referral weeks, measured after the run."""

    open_days: int
    sessions: int
    peak_setups: int
    mean_day_peak_setups: float
    chair_utilisation: float
    mean_last_finish: str
    latest_finish: str


def check_and_measure(path: Path, weeks: int) -> DiaryFacts:
    """Check the stored diary (raises AssertionError on a broken invariant) and measure it
    over the referral weeks."""
    services = open_services(f"sqlite:///{path}", migrate=False)
    catalog = services.ctx.catalog
    last_day = FIRST_DAY + timedelta(days=weeks * 7 - 1)
    peaks: list[int] = []
    finishes: list[int] = []
    chair_minutes = 0
    sessions = 0
    open_days = 0
    with services.ctx.db.read() as uow:
        s = uow.session
        calendar = repo.load_calendar(s)
        day = FIRST_DAY
        while day <= last_day:
            opening = calendar.open_interval(day)
            if opening is not None:
                open_days += 1
                rows = nurse_rota.day_sessions(s, calendar, day)
                by_chair: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
                by_patient: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
                for row in rows:
                    by_chair[row.chair_id].append((row.start_utc, row.end_utc))
                    by_patient[row.patient_id].append((row.start_utc, row.end_utc))
                for spans in (*by_chair.values(), *by_patient.values()):
                    spans.sort()
                    for (_, end), (start, _) in itertools.pairwise(spans):
                        assert end <= start, f"overlap on {day}"
                tasks = [nurse_rota.task_of_row(calendar, catalog, day, r) for r in rows]
                load = DayLoad([t for t in tasks if t is not None])
                rota = nurse_rota.day_rota(s, day)
                assert rota.configured, f"no rota on {day}"
                duty = rota.duty_curve()
                for minute in range(24 * 60):
                    assert load.need(minute, rota.ratio) <= duty[minute], (
                        f"nurse invariant broken on {day} at {hhmm(minute)}"
                    )
                peaks.append(max(load.exclusive))
                sessions += len(rows)
                chair_minutes += sum(
                    int((r.end_utc - r.start_utc).total_seconds() // 60) for r in rows
                )
                if rows:
                    finishes.append(max(t.end for t in tasks if t is not None))
            day += timedelta(days=1)
    services.engine.dispose()
    capacity = open_days * CHAIRS * 600
    mean_finish = round(statistics.mean(finishes)) if finishes else 0
    return DiaryFacts(
        open_days,
        sessions,
        max(peaks, default=0),
        statistics.mean(peaks) if peaks else 0.0,
        chair_minutes / capacity if capacity else 0.0,
        hhmm(mean_finish),
        hhmm(max(finishes, default=0)),
    )


def p90(values: Sequence[int]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--per-day", type=float, default=30.0, help="mean referrals a weekday")
    parser.add_argument("--seed", type=int, default=20270104)
    parser.add_argument("--policy", choices=("first-fit", "level-loaded", "both"), default="both")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    policies = ("first-fit", "level-loaded") if args.policy == "both" else (args.policy,)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="capacity-"))
    print(
        f"{args.weeks} weeks of referrals, {args.per_day} a weekday (seed {args.seed}), "
        f"{CHAIRS} chairs, {NURSES} nurses, ratio 4; diaries in {workdir}"
    )
    print(
        "| policy | sessions/open day | first doses | mean wait (d) | p90 wait (d) | "
        "peak set-ups (max / mean of days) | nurse overtime | chair utilisation | "
        "last finish (mean / latest) | find_slots median / p95 ms | unbooked |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for policy in policies:
        result, path = run(policy, args.weeks, args.per_day, args.seed, workdir)
        facts = check_and_measure(path, args.weeks)
        ms = sorted(result.find_ms)
        print(
            f"| {policy} | {facts.sessions / max(1, facts.open_days):.1f} | "
            f"{result.first_doses} | {statistics.mean(result.waits or [0]):.2f} | "
            f"{p90(result.waits):.0f} | {facts.peak_setups} / {facts.mean_day_peak_setups:.2f} | "
            f"not modelled (shifts are hard limits) | {facts.chair_utilisation:.1%} | "
            f"{facts.mean_last_finish} / {facts.latest_finish} | "
            f"{statistics.median(ms):.1f} / {ms[int(0.95 * (len(ms) - 1))]:.1f} | "
            f"{result.unbooked} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
