"""Weekly slot templates and the offline optimum of a day, with OR-Tools CP-SAT (issue 14).

One clinic day is a grid of start slots (every ``step`` minutes from opening). A *kind* of
session is what the nurses and chairs see of a therapy: its chair minutes, its set-up and its
take-down (the catalog's ``chair_minutes``, ``setup_minutes``, ``takedown_minutes``). The
model chooses how many sessions of each kind start at each slot:

- opening hours: a session starts on the grid at or after opening and ends by closing;
- chairs: at every minute no more sessions are in the chairs than the clinic has;
- the nurse invariant of ``nurse_capacity`` (set-up exclusivity included): at every minute
  ``exclusive + ceil(monitored / ratio) <= nurses on duty``, which for whole numbers is the
  linear ``monitored + ratio * exclusive <= ratio * on duty``; shifts and breaks enter
  through the duty curve (no nurse on duty: nothing may need one). A day without a rota is
  not nurse-checked, as in the booking service;
- demand: no more sessions of a kind than are asked for.

The minutes are not modelled one by one: the load changes only where a candidate session
starts, ends its set-up, begins its take-down or ends, or where a shift or break begins or
ends, so the constraints are written once per stretch between two such minutes (exact).

Objective (documented weights): maximise ``session_value * sessions - (last finish -
opening)`` in minutes. ``session_value`` is what one more session is worth in minutes of a
later last finish. The default, the day's length plus one, puts throughput strictly first
and then the earliest last finish; a smaller value trades sessions for an earlier end of the
day (30: a session is placed only if it moves the last finish by less than half an hour).

``build_template`` solves each weekday's expected demand (the clinic's history, averaged per
weekday and rounded up) into a :class:`WeeklyTemplate`; ``solve_day`` with one day's actual
set of sessions is that day's offline optimum (most sessions placed, then earliest finish).

OR-Tools is an optional extra (``pip install 'clinic_app[optimise]'``) imported only when a
model is solved; :func:`cp_sat_available` tells the caller whether it can be.
"""

from __future__ import annotations

import importlib.util
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clinic_app.domain.errors import OPTIMISER_INSTALL_HINT, SolverUnavailableError
from clinic_app.domain.nurse_capacity import DayRota, NurseTask, hhmm

# Kept under their old names here (the bench and the tests import them from this module).
INSTALL_HINT = OPTIMISER_INSTALL_HINT


def cp_sat_available() -> bool:
    """True when OR-Tools' CP-SAT can be imported."""
    return importlib.util.find_spec("ortools") is not None


@dataclass(frozen=True, slots=True, order=True)
class SessionKind:
    """What the chairs and nurses see of a therapy: chair minutes, set-up and take-down."""

    chair_minutes: int
    setup: int
    takedown: int

    def __post_init__(self) -> None:
        if self.chair_minutes <= 0:
            raise ValueError("a session kind lasts at least one chair minute")
        if self.setup < 0 or self.takedown < 0 or self.setup + self.takedown > self.chair_minutes:
            raise ValueError(f"{self.label}: set-up and take-down do not fit the chair time")

    @property
    def label(self) -> str:
        """``75 min (set-up 15, take-down 5)``."""
        return f"{self.chair_minutes} min (set-up {self.setup}, take-down {self.takedown})"

    def task(self, start: int) -> NurseTask:
        """The nurse task of a session of this kind starting at minute ``start``."""
        return NurseTask(start, start + self.chair_minutes, self.setup, self.takedown)


@dataclass(frozen=True, slots=True)
class DayProblem:
    """One day to plan: opening hours (minutes of the day), the start grid, the chairs, the
    nurses' rota and how many sessions of each kind are asked for."""

    opens: int
    closes: int
    chairs: int
    rota: DayRota
    demand: Mapping[SessionKind, int]
    step: int = 15

    def __post_init__(self) -> None:
        if not 0 <= self.opens < self.closes <= 24 * 60:
            raise ValueError(f"opening hours {self.opens}-{self.closes} are not a day")
        if self.step < 1:
            raise ValueError("the slot grid step is at least one minute")
        if self.chairs < 0:
            raise ValueError("the number of chairs cannot be negative")
        if any(count < 0 for count in self.demand.values()):
            raise ValueError("the demand of a kind cannot be negative")

    def candidates(self) -> list[tuple[SessionKind, int]]:
        """Every (kind, start) on the grid that fits the opening hours, kinds in order."""
        return [
            (kind, start)
            for kind in sorted(k for k, n in self.demand.items() if n > 0)
            for start in range(self.opens, self.closes - kind.chair_minutes + 1, self.step)
        ]


@dataclass(frozen=True, slots=True, order=True)
class PlannedStart:
    """``count`` sessions of ``kind`` starting at minute ``start`` of the day."""

    start: int
    kind: SessionKind
    count: int

    def __str__(self) -> str:
        return f"{hhmm(self.start)} {self.count} x {self.kind.label}"


@dataclass(frozen=True, slots=True)
class DayPlan:
    """A solved day: the starts, whether CP-SAT proved them optimal, and the proven upper
    bound on the sessions (equal to ``placed`` when optimal)."""

    starts: tuple[PlannedStart, ...]
    optimal: bool
    placed_bound: int

    @property
    def placed(self) -> int:
        """Sessions placed."""
        return sum(s.count for s in self.starts)

    @property
    def last_finish(self) -> int | None:
        """The minute the last session ends, None for an empty plan."""
        return max((s.start + s.kind.chair_minutes for s in self.starts), default=None)

    def placed_of(self, kind: SessionKind) -> int:
        """Sessions of ``kind`` placed."""
        return sum(s.count for s in self.starts if s.kind == kind)

    def tasks(self) -> list[NurseTask]:
        """The nurse task of every placed session (to check against ``nurse_capacity``)."""
        return [s.kind.task(s.start) for s in self.starts for _ in range(s.count)]


def default_session_value(problem: DayProblem) -> int:
    """One session outweighs any last finish the day allows: throughput first."""
    return problem.closes - problem.opens + 1


def _breakpoints(problem: DayProblem, candidates: Sequence[tuple[SessionKind, int]]) -> list[int]:
    """The minutes where the load or the nurses on duty can change, opening to closing."""
    points = {problem.opens, problem.closes}
    for kind, start in candidates:
        end = start + kind.chair_minutes
        points.update((start, start + kind.setup, end - kind.takedown, end))
    for shift in problem.rota.shifts:
        points.update((shift.start, shift.end))
        for b_start, b_end in shift.breaks:
            points.update((b_start, b_end))
    return sorted(p for p in points if problem.opens <= p <= problem.closes)


@dataclass
class DayModel:
    """The CP-SAT model of a day and its variables (``count[i]`` for ``candidates[i]``)."""

    model: Any
    candidates: list[tuple[SessionKind, int]]
    count: list[Any]
    finish: Any
    session_value: int
    problem: DayProblem
    stretches: int = field(default=0)


def build_model(problem: DayProblem, *, session_value: int | None = None) -> DayModel:
    """The CP-SAT model of ``problem`` (needs OR-Tools; see the module's docstring)."""
    if not cp_sat_available():
        raise SolverUnavailableError()
    from ortools.sat.python import cp_model

    value = default_session_value(problem) if session_value is None else session_value
    if value < 1:
        raise ValueError("a session is worth at least one minute")
    model = cp_model.CpModel()
    candidates = problem.candidates()
    count = []
    used = []
    for kind, start in candidates:
        cap = min(problem.demand[kind], problem.chairs)
        x = model.new_int_var(0, cap, f"n_{kind.chair_minutes}_{kind.setup}_{start}")
        b = model.new_bool_var(f"used_{kind.chair_minutes}_{kind.setup}_{start}")
        model.add(x <= cap * b)
        count.append(x)
        used.append(b)
    points = _breakpoints(problem, candidates)
    duty = problem.rota.duty_curve() if problem.rota.configured else []
    ratio = problem.rota.ratio
    stretches = 0
    for minute in points[:-1]:
        in_chair, exclusive, monitored = [], [], []
        for x, (kind, start) in zip(count, candidates, strict=True):
            if not start <= minute < start + kind.chair_minutes:
                continue
            in_chair.append(x)
            if kind.task(start).exclusive_at(minute):
                exclusive.append(x)
            else:
                monitored.append(x)
        if not in_chair:
            continue
        stretches += 1
        model.add(sum(in_chair) <= problem.chairs)
        if problem.rota.configured:
            model.add(sum(monitored) + ratio * sum(exclusive) <= ratio * duty[minute])
    for kind in sorted({k for k, _ in candidates}):
        of_kind = [x for x, (k, _) in zip(count, candidates, strict=True) if k == kind]
        model.add(sum(of_kind) <= problem.demand[kind])
    finish = model.new_int_var(problem.opens, problem.closes, "last_finish")
    for b, (kind, start) in zip(used, candidates, strict=True):
        model.add(finish >= start + kind.chair_minutes).only_enforce_if(b)
    model.maximize(value * sum(count) - (finish - problem.opens))
    return DayModel(model, candidates, count, finish, value, problem, stretches)


def solve_day(
    problem: DayProblem,
    *,
    session_value: int | None = None,
    time_limit_s: float = 10.0,
    workers: int = 1,
) -> DayPlan:
    """The best plan of ``problem`` CP-SAT finds within ``time_limit_s`` (with one worker
    it is deterministic). With a day's actual set of sessions as demand this is the offline
    optimum: most sessions placed, then the earliest last finish."""
    built = build_model(problem, session_value=session_value)
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # The empty plan is always feasible, so this is a time-out before any solution.
        return DayPlan((), False, sum(problem.demand.values()))
    starts = tuple(
        sorted(
            PlannedStart(start, kind, solver.value(x))
            for x, (kind, start) in zip(built.count, built.candidates, strict=True)
            if solver.value(x) > 0
        )
    )
    optimal = status == cp_model.OPTIMAL
    placed = sum(s.count for s in starts)
    # The objective's bound caps the sessions: value * n - (finish - opens) <= bound.
    span = problem.closes - problem.opens
    bound = (
        placed
        if optimal
        else math.floor((solver.best_objective_bound + span) / built.session_value)
    )
    return DayPlan(starts, optimal, max(placed, min(bound, sum(problem.demand.values()))))


def weekday_demand(
    history: Iterable[tuple[date, SessionKind]], open_days: Iterable[date]
) -> dict[int, dict[SessionKind, int]]:
    """Sessions of each kind a weekday (0 = Monday) asks for: the history's mean over that
    weekday's open days, rounded up (a template plans for the busier half of the days)."""
    days_per_weekday: dict[int, int] = defaultdict(int)
    for day in set(open_days):
        days_per_weekday[day.weekday()] += 1
    totals: dict[int, dict[SessionKind, int]] = defaultdict(lambda: defaultdict(int))
    for day, kind in history:
        if day.weekday() in days_per_weekday:
            totals[day.weekday()][kind] += 1
    return {
        weekday: {
            kind: math.ceil(total / days_per_weekday[weekday])
            for kind, total in sorted(totals[weekday].items())
        }
        for weekday in sorted(totals)
    }


@dataclass(frozen=True, slots=True)
class WeeklyTemplate:
    """Start slots per weekday (0 = Monday): when sessions of which kind should start."""

    days: Mapping[int, DayPlan]

    def slots(self, weekday: int) -> tuple[PlannedStart, ...]:
        """The weekday's template starts, in time order (none for a weekday not planned)."""
        plan = self.days.get(weekday)
        return plan.starts if plan is not None else ()

    def count_at(self, weekday: int, start: int, kind: SessionKind) -> int:
        """How many sessions of ``kind`` the template starts at minute ``start``."""
        return sum(s.count for s in self.slots(weekday) if s.start == start and s.kind == kind)


def build_template(
    problems: Mapping[int, DayProblem],
    *,
    session_value: int | None = None,
    time_limit_s: float = 10.0,
    workers: int = 1,
) -> WeeklyTemplate:
    """Solve each weekday's problem (its expected demand) into the weekly template."""
    return WeeklyTemplate(
        {
            weekday: solve_day(
                problem, session_value=session_value, time_limit_s=time_limit_s, workers=workers
            )
            for weekday, problem in sorted(problems.items())
        }
    )
