"""Six months of referrals for a 20-chair, 6-nurse clinic, booked through the real booking
service under three policies: first fit (the earliest safe slot, today's behaviour),
level-loaded (the slot find_slots marks as recommended) and template (the earliest slot of
the CP-SAT weekly template); plus each day's offline CP-SAT optimum. Deterministic (seeded).

Run from the repository root:

    .venv/bin/python -m bench.capacity.simulate                # every policy + optimum, 26 weeks
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
from clinic_app.domain.catalog import Catalog
from clinic_app.domain.errors import SchedulingConflictError
from clinic_app.domain.findings import Severity
from clinic_app.domain.nurse_capacity import DayLoad, DayRota, hhmm
from clinic_app.domain.template_solver import (
    INSTALL_HINT,
    DayProblem,
    SessionKind,
    WeeklyTemplate,
    build_template,
    cp_sat_available,
    solve_day,
    weekday_demand,
)
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest, SlotView

ZONE = ZoneInfo("Europe/London")
FIRST_DAY = date(2027, 1, 4)  # a Monday
CHAIRS = 20
NURSES = 6
OPENS, CLOSES = 8 * 60, 18 * 60  # the clinic's default hours, minutes of the day
# The template is planned from a history of this many weeks of referrals (another seed).
HISTORY_WEEKS = 8
# CP-SAT's time per day solved (one worker: deterministic); the bound is reported beside.
SOLVE_SECONDS = 10.0
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
    # The template policy: the weekly template and the template starts taken per day.
    template: WeeklyTemplate | None = None
    taken: dict[tuple[date, int, SessionKind], int] = field(default_factory=dict)
    catalog: Catalog | None = None
    template_hits: int = 0


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


def kind_of(catalog: Catalog, code: str) -> SessionKind:
    """What the chairs and nurses see of a therapy (its chair, set-up and take-down minutes)."""
    therapy = catalog.get(code)
    assert therapy.chair_minutes is not None
    return SessionKind(therapy.chair_minutes, therapy.setup_minutes, therapy.takedown_minutes)


def minute_of(slot: SlotView) -> int:
    return slot.start.hour * 60 + slot.start.minute


def template_free(result: Result, slot: SlotView, kind: SessionKind) -> bool:
    """True when ``slot`` is a template start of ``kind`` not yet taken that day."""
    assert result.template is not None
    key = (slot.start.date(), minute_of(slot), kind)
    wanted = result.template.count_at(slot.start.weekday(), key[1], kind)
    return result.taken.get(key, 0) < wanted


def choose(slots: Sequence[SlotView], result: Result, code: str) -> list[SlotView]:
    """The slots in the order the policy tries them."""
    if result.policy == "level-loaded":
        marked = [s for s in slots if s.recommended]
        return marked + [s for s in slots if not s.recommended]
    if result.policy == "template" and slots:
        # The earliest free template start of the therapy's kind on the earliest option's
        # day (never a later day than first fit would give), then the others in time order.
        assert result.catalog is not None
        kind = kind_of(result.catalog, code)
        day = slots[0].start.date()
        fits = [s for s in slots if s.start.date() == day and template_free(result, s, kind)]
        return fits + [s for s in slots if s not in fits]
    return list(slots)


def book_dose(services: Services, result: Result, mrn: str, code: str, after: date) -> date | None:
    """Find and book one dose on or after ``after``; the day booked, or None."""
    import time as timer

    for _attempt in range(3):
        began = timer.perf_counter()
        # The template policy looks over a whole day of starts for a template one.
        count = 40 if result.policy == "template" else 8
        slots = services.booking.find_slots(NURSE, mrn, code, after, count=count, horizon_days=120)
        result.find_ms.append((timer.perf_counter() - began) * 1e3)
        for slot in choose(slots, result, code):
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
            if result.template is not None:
                assert result.catalog is not None
                kind = kind_of(result.catalog, code)
                if template_free(result, slot, kind):
                    key = (slot.start.date(), minute_of(slot), kind)
                    result.taken[key] = result.taken.get(key, 0) + 1
                    result.template_hits += 1
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
    if policy == "template":
        result.catalog = services.ctx.catalog
        result.template = weekly_template(services, per_day, seed)
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


def doses_of(stream: Sequence[Referral], catalog: Catalog) -> list[tuple[date, SessionKind]]:
    """Every dose the referrals ask for, on the day it is due if the first dose is given on
    the referral day (a weekend day moves to the Monday)."""
    out = []
    for referral in stream:
        kind = kind_of(catalog, referral.plan.code)
        due = referral.day
        for gap in (0, *referral.plan.gaps):
            due = due + timedelta(days=gap)
            while due.weekday() >= 5:
                due += timedelta(days=1)
            out.append((due, kind))
    return out


def day_rota(services: Services, day: date) -> DayRota:
    with services.ctx.db.read() as uow:
        return nurse_rota.day_rota(uow.session, day)


def weekly_template(services: Services, per_day: float, seed: int) -> WeeklyTemplate:
    """The CP-SAT template from a history of HISTORY_WEEKS weeks of referrals (another seed
    than the run's): each weekday's mean demand per kind, rounded up, planned on the
    clinic's rota of the first such weekday."""
    history = referrals(HISTORY_WEEKS, per_day, seed + 1)
    days = [FIRST_DAY + timedelta(days=k) for k in range(HISTORY_WEEKS * 7)]
    open_days = [d for d in days if d.weekday() < 5]
    demand = weekday_demand(doses_of(history, services.ctx.catalog), open_days)
    problems = {
        weekday: DayProblem(OPENS, CLOSES, CHAIRS, day_rota(services, open_days[weekday]), asked)
        for weekday, asked in demand.items()
    }
    return build_template(problems, time_limit_s=SOLVE_SECONDS)


@dataclass
class Optimum:
    """The offline optimum over the referral weeks: per open day, CP-SAT places the most of
    that day's due doses plus those it could not place before (carried to the next day)."""

    sessions: list[int] = field(default_factory=list)
    bounds: list[int] = field(default_factory=list)
    proven: int = 0
    last_finish: list[int] = field(default_factory=list)
    carried_at_end: int = 0


def offline_optimum(weeks: int, per_day: float, seed: int, workdir: Path) -> Optimum:
    """Solve each open day of the referral weeks offline (see Optimum)."""
    path = workdir / "capacity-optimum.sqlite3"
    path.unlink(missing_ok=True)
    services = build_clinic(f"sqlite:///{path}", SimClock(), weeks * 7)
    due: dict[date, list[SessionKind]] = defaultdict(list)
    for day, kind in doses_of(referrals(weeks, per_day, seed), services.ctx.catalog):
        due[day].append(kind)
    optimum = Optimum()
    carried: list[SessionKind] = []
    for offset in range(weeks * 7):
        day = FIRST_DAY + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        asked = carried + due[day]
        demand: dict[SessionKind, int] = defaultdict(int)
        for kind in asked:
            demand[kind] += 1
        plan = solve_day(
            DayProblem(OPENS, CLOSES, CHAIRS, day_rota(services, day), demand),
            time_limit_s=SOLVE_SECONDS,
        )
        optimum.sessions.append(plan.placed)
        optimum.bounds.append(plan.placed_bound)
        optimum.proven += plan.optimal
        if plan.last_finish is not None:
            optimum.last_finish.append(plan.last_finish)
        carried = []
        for kind, asked_count in sorted(demand.items()):
            carried += [kind] * (asked_count - plan.placed_of(kind))
    optimum.carried_at_end = len(carried)
    services.engine.dispose()
    return optimum


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


POLICIES = ("first-fit", "level-loaded", "template")


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
    parser.add_argument(
        "--policy",
        choices=(*POLICIES, "optimum", "all"),
        default="all",
        help="one policy, the offline optimum only, or all of them (default)",
    )
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    policies = POLICIES if args.policy == "all" else (args.policy,)
    if args.policy == "optimum":
        policies = ()
    solver = cp_sat_available()
    if not solver:
        # The greedy policies need no solver; the template and the optimum do.
        print(f"OR-Tools is not installed ({INSTALL_HINT}): no template policy, no optimum")
        policies = tuple(p for p in policies if p != "template")
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
        if result.template is not None:
            print(f"(template starts taken: {result.template_hits} of {result.sessions})")
    if solver and args.policy in ("optimum", "all"):
        best = offline_optimum(args.weeks, args.per_day, args.seed, workdir)
        days = len(best.sessions)
        finish = round(statistics.mean(best.last_finish)) if best.last_finish else 0
        print(
            f"| offline optimum | {sum(best.sessions) / max(1, days):.1f} "
            f"(bound {sum(best.bounds) / max(1, days):.1f}; {best.proven}/{days} days proven) | "
            f"- | - | - | - | 0 | - | {hhmm(finish)} / {hhmm(max(best.last_finish, default=0))} | "
            f"- | {best.carried_at_end} carried |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
