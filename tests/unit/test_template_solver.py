"""The CP-SAT day model (issue 14): small days whose optimum is known by hand, and a property
test that every plan keeps the chair limit and the nurse invariant, checked with
``nurse_capacity``'s own DayLoad (not a copy of the rule)."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.domain import template_solver
from clinic_app.domain.nurse_capacity import DayLoad, DayRota, NurseShift
from clinic_app.domain.template_solver import (
    DayPlan,
    DayProblem,
    PlannedStart,
    SessionKind,
    SolverUnavailableError,
    build_template,
    solve_day,
    weekday_demand,
)

needs_ortools = pytest.mark.skipif(
    importlib.util.find_spec("ortools") is None,
    reason="OR-Tools is not installed (pip install -e '.[optimise]'): CP-SAT tests skipped",
)

H8, H9, H10, H12 = 8 * 60, 9 * 60, 10 * 60, 12 * 60
HOUR = SessionKind(60, 15, 0)


def rota(nurses: int, start: int = H8, end: int = 18 * 60, ratio: int = 4) -> DayRota:
    return DayRota(tuple(NurseShift(i, f"N{i}", start, end) for i in range(nurses)), ratio)


def check_plan(problem: DayProblem, plan: DayPlan) -> None:
    """The plan keeps every constraint: grid, hours, demand, chairs, nurse invariant."""
    load = DayLoad(plan.tasks())
    duty = problem.rota.duty_curve()
    for s in plan.starts:
        assert (s.start - problem.opens) % problem.step == 0
        assert problem.opens <= s.start and s.start + s.kind.chair_minutes <= problem.closes
    for kind, asked in problem.demand.items():
        assert plan.placed_of(kind) <= asked
    for minute in range(24 * 60):
        in_chairs = sum(1 for t in plan.tasks() if t.start <= minute < t.end)
        assert in_chairs <= problem.chairs, minute
        if problem.rota.configured:
            assert load.need(minute, problem.rota.ratio) <= duty[minute], minute


@needs_ortools
def test_one_nurse_sets_up_one_patient_at_a_time() -> None:
    """2 chairs, 1 nurse, 08:00-10:00, 60-min sessions with a 15-min set-up: while one
    patient is set up the nurse cannot watch another, so the sessions cannot overlap: 2."""
    problem = DayProblem(H8, H10, 2, rota(1), {HOUR: 4})
    plan = solve_day(problem)
    assert plan.optimal and plan.placed == plan.placed_bound == 2
    assert plan.starts == (PlannedStart(H8, HOUR, 1), PlannedStart(H9, HOUR, 1))
    assert plan.last_finish == H10
    check_plan(problem, plan)


@needs_ortools
def test_two_nurses_fill_both_chairs_twice() -> None:
    """The same day with 2 nurses: both set up at 08:00 and at 09:00, 4 sessions."""
    problem = DayProblem(H8, H10, 2, rota(2), {HOUR: 4})
    plan = solve_day(problem)
    assert plan.placed == 4 and plan.last_finish == H10
    assert plan.starts == (PlannedStart(H8, HOUR, 2), PlannedStart(H9, HOUR, 2))
    check_plan(problem, plan)


@needs_ortools
def test_chairs_limit_when_nurses_are_plenty() -> None:
    """1 chair, 3 nurses, 08:00-10:00: the chair is the limit, 2 sessions."""
    problem = DayProblem(H8, H10, 1, rota(3), {HOUR: 5})
    assert solve_day(problem).placed == 2


@needs_ortools
def test_the_shift_decides_the_start() -> None:
    """No nurse before 09:00: the one session starts at 09:00, not at opening."""
    problem = DayProblem(H8, H12, 2, rota(1, start=H9), {HOUR: 1})
    plan = solve_day(problem)
    assert plan.starts == (PlannedStart(H9, HOUR, 1),)


@needs_ortools
def test_a_break_with_a_patient_in_the_chair_is_refused() -> None:
    """The only nurse breaks 08:30-09:00: a patient monitored then needs her, so the day's
    first session starts at 09:00."""
    shift = NurseShift(1, "N", H8, H12, ((H8 + 30, H9),))
    problem = DayProblem(H8, H12, 1, DayRota((shift,), 4), {HOUR: 1})
    assert solve_day(problem).starts == (PlannedStart(H9, HOUR, 1),)


@needs_ortools
def test_throughput_first_then_earliest_finish() -> None:
    """1 chair, 08:00-12:00, demand 1: the session starts at opening (earliest finish);
    with a 60-min session and two 30-min ones asked in 08:00-09:00, two short ones win."""
    lone = solve_day(DayProblem(H8, H12, 1, rota(1), {HOUR: 1}))
    assert lone.starts == (PlannedStart(H8, HOUR, 1),)
    short = SessionKind(30, 5, 5)
    mixed = solve_day(DayProblem(H8, H9, 1, rota(1), {HOUR: 1, short: 2}))
    assert mixed.placed == 2 and mixed.placed_of(short) == 2 and mixed.placed_of(HOUR) == 0


@needs_ortools
def test_the_session_value_trades_sessions_for_an_earlier_finish() -> None:
    """1 chair, no rota, a 30-min and a 60-min session asked in 08:00-10:00. Worth 45
    minutes a session, the 30-min one alone scores 45 - 30 = 15 and both 90 - 90 = 0: one
    session, done at 08:30. Worth 90, both (180 - 90) beat one (90 - 30)."""
    short = SessionKind(30, 5, 5)
    problem = DayProblem(H8, H10, 1, DayRota((), 4), {HOUR: 1, short: 1})
    thrifty = solve_day(problem, session_value=45)
    assert thrifty.starts == (PlannedStart(H8, short, 1),) and thrifty.last_finish == H8 + 30
    assert solve_day(problem, session_value=90).placed == 2
    with pytest.raises(ValueError, match="worth at least"):
        solve_day(problem, session_value=0)


@needs_ortools
def test_a_day_without_a_rota_is_not_nurse_checked() -> None:
    """No shift: only the chairs limit (as in the booking service)."""
    problem = DayProblem(H8, H10, 3, DayRota((), 4), {HOUR: 9})
    plan = solve_day(problem)
    assert plan.placed == 6
    check_plan(problem, plan)


@needs_ortools
def test_a_timed_out_search_reports_its_bound() -> None:
    """A zero time limit: no solution, the empty plan, not optimal, bounded by the demand."""
    problem = DayProblem(H8, H10, 2, rota(2), {HOUR: 4})
    plan = solve_day(problem, time_limit_s=0.0)
    assert not plan.optimal and plan.placed_bound >= plan.placed


@needs_ortools
def test_the_weekly_template_plans_each_weekday() -> None:
    """Demand from the history (mean per weekday, rounded up), one plan per weekday."""
    monday, tuesday = date(2027, 1, 4), date(2027, 1, 5)
    days = [monday, tuesday, monday + timedelta(days=7), tuesday + timedelta(days=7)]
    history = [(monday, HOUR)] * 3 + [(tuesday, HOUR)]
    demand = weekday_demand(history, days)
    assert demand == {0: {HOUR: 2}, 1: {HOUR: 1}}
    template = build_template(
        {wd: DayProblem(H8, H12, 2, rota(1), asked) for wd, asked in demand.items()}
    )
    assert template.slots(0) == (PlannedStart(H8, HOUR, 1), PlannedStart(H9, HOUR, 1))
    assert template.count_at(0, H9, HOUR) == 1 and template.count_at(1, H9, HOUR) == 0
    assert template.slots(4) == ()


def test_without_ortools_the_solver_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """No OR-Tools: a clear error naming the extra, never an ImportError traceback."""
    monkeypatch.setattr(template_solver, "cp_sat_available", lambda: False)
    with pytest.raises(SolverUnavailableError, match=r"clinic_app\[optimise\]"):
        solve_day(DayProblem(H8, H10, 1, rota(1), {HOUR: 1}))


def test_inputs_are_validated() -> None:
    with pytest.raises(ValueError, match="chair minute"):
        SessionKind(0, 0, 0)
    with pytest.raises(ValueError, match="do not fit"):
        SessionKind(10, 10, 5)
    with pytest.raises(ValueError, match="not a day"):
        DayProblem(H10, H8, 1, rota(1), {})
    with pytest.raises(ValueError, match="step"):
        DayProblem(H8, H10, 1, rota(1), {}, step=0)
    with pytest.raises(ValueError, match="chairs"):
        DayProblem(H8, H10, -1, rota(1), {})
    with pytest.raises(ValueError, match="demand"):
        DayProblem(H8, H10, 1, rota(1), {HOUR: -1})
    assert str(PlannedStart(H8, HOUR, 2)) == "08:00 2 x 60 min (set-up 15, take-down 0)"
    assert DayPlan((), True, 0).last_finish is None


kinds = st.builds(
    lambda length, setup, takedown: (
        SessionKind(length, min(setup, length), 0)
        if setup + takedown > length
        else SessionKind(length, setup, takedown)
    ),
    st.sampled_from([20, 30, 45, 60, 75]),
    st.sampled_from([0, 5, 10, 15]),
    st.sampled_from([0, 5]),
)


@st.composite
def problems(draw: st.DrawFn) -> DayProblem:
    opens = draw(st.sampled_from([H8, H8 + 30]))
    closes = opens + draw(st.sampled_from([90, 120, 180]))
    shifts = []
    for i in range(draw(st.integers(0, 3))):
        start = draw(st.sampled_from([opens, opens + 30, opens + 60]))
        end = start + draw(st.sampled_from([60, 90, 120]))
        breaks = ((start + 30, start + 45),) if draw(st.booleans()) else ()
        shifts.append(NurseShift(i, f"N{i}", start, end, breaks))
    demand = draw(st.dictionaries(kinds, st.integers(0, 6), min_size=1, max_size=3))
    ratio = draw(st.integers(1, 4))
    chairs = draw(st.integers(1, 4))
    step = draw(st.sampled_from([15, 30]))
    return DayProblem(opens, closes, chairs, DayRota(tuple(shifts), ratio), demand, step)


@needs_ortools
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_plan_keeps_the_chairs_and_the_nurse_invariant(problem: DayProblem) -> None:
    plan = solve_day(problem, time_limit_s=5.0)
    check_plan(problem, plan)
    assert plan.placed <= plan.placed_bound <= sum(problem.demand.values())
