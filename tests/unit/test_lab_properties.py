"""Property tests for lab planning and lab slot finding (Hypothesis).

Random needs, random existing labs and a random lab station; the plan must keep the promises
of docs/clinical-rules.md, section 7, whatever comes in.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import event, given, settings
from hypothesis import strategies as st

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.findings import LabRequirement, LabTiming, Severity
from clinic_app.domain.lab_planner import (
    ExistingLab,
    LabNeed,
    LabPlan,
    MovedLab,
    NewLab,
    plan_labs,
)
from clinic_app.domain.slot_finder import Preference, find_lab_slot

LONDON = ZoneInfo("Europe/London")
OPENS, CLOSES = 8, 18  # o'clock, Monday to Friday
CALENDAR = ClinicCalendar.weekdays("Europe/London", time(OPENS), time(CLOSES))
BASE = date(2026, 11, 2)  # a Monday
NOW = datetime.combine(BASE, time(12), tzinfo=LONDON)
TESTS = ("calcium", "phosphate", "magnesium", "creatinine", "vitamin-d")
RULES = ("E5", "E6", "A7", "C4")
SESSIONS = (None, 1, 2, 3)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=LONDON)


test_sets = st.frozensets(st.sampled_from(TESTS), min_size=1)


@st.composite
def requirements(draw: st.DrawFn) -> LabRequirement:
    due_from = BASE + timedelta(days=draw(st.integers(-10, 40)))
    due_to = due_from + timedelta(days=draw(st.integers(0, 14)))
    timing = draw(st.sampled_from(LabTiming))
    target = None
    if timing is LabTiming.AFTER and draw(st.booleans()):
        target = due_from + timedelta(days=draw(st.integers(0, (due_to - due_from).days)))
    return LabRequirement(
        draw(st.sampled_from(RULES)), draw(test_sets), timing, due_from, due_to, target=target
    )


needs_strategy = st.lists(st.builds(LabNeed, st.sampled_from(SESSIONS), requirements()), max_size=8)


@st.composite
def existing_labs(draw: st.DrawFn) -> list[ExistingLab]:
    ids = draw(st.lists(st.integers(1, 50), unique=True, max_size=6))
    labs = []
    for lab_id in ids:
        day = BASE + timedelta(days=draw(st.integers(-15, 50)))
        start = at(day, draw(st.integers(8, 17)), draw(st.sampled_from((0, 15, 30, 45))))
        links = draw(
            st.frozensets(st.tuples(st.sampled_from((1, 2, 3, 4)), st.sampled_from(RULES)))
        )
        labs.append(ExistingLab(lab_id, start, day, draw(test_sets), draw(st.booleans()), links))
    return labs


@dataclass
class FakeStation:
    """A lab station with a few draws a day on open days; some days are fully booked."""

    full_days: frozenset[date]
    per_day: int
    handed_out: dict[date, int] = field(default_factory=dict)

    def __call__(
        self, window_from: date, window_to: date, prefer: Preference, target: date | None
    ) -> datetime | None:
        days = [window_from + timedelta(days=i) for i in range((window_to - window_from).days + 1)]
        if prefer == "latest":
            days.reverse()
        else:
            assert target is not None and window_from <= target <= window_to
            days.sort(key=lambda d: (abs((d - target).days), d))
        for day in days:
            used = self.handed_out.get(day, 0)
            bookable = day > NOW.date() and CALENDAR.is_open_day(day)
            if bookable and day not in self.full_days and used < self.per_day:
                self.handed_out[day] = used + 1
                return at(day, 9 + used)
        return None


stations = st.builds(
    FakeStation,
    st.frozensets(st.integers(-15, 60).map(lambda i: BASE + timedelta(days=i)), max_size=20),
    st.integers(0, 3),
)


def needs_of(plan: LabPlan) -> Iterable[tuple[str, int | None, LabNeed]]:
    """Every (kind, lab id, need) placement of the plan; new labs have no id."""
    for kept in plan.keep:
        for need in kept.needs:
            yield "keep", kept.lab_id, need
    for moved in plan.moved:
        for need in moved.needs:
            yield "moved", moved.lab_id, need
    for new in plan.new:
        for need in new.needs:
            yield "new", None, need
    for unplaced in plan.unplaced:
        yield "unplaced", None, unplaced.need


@settings(max_examples=400, deadline=None)
@given(needs=needs_strategy, existing=existing_labs(), station=stations)
def test_plans_keep_the_promises_of_section_4(
    needs: list[LabNeed], existing: list[ExistingLab], station: FakeStation
) -> None:
    plan = plan_labs(needs, existing, now=NOW, calendar=CALENDAR, place=station)
    for kind in ("extend", "moved", "new", "cancel", "stale", "unplaced"):
        if getattr(plan, kind):
            event(f"plan has {kind}")  # shows in --hypothesis-show-statistics
    by_id = {lab.lab_id: lab for lab in existing}
    history = {i for i, lab in by_id.items() if lab.completed or lab.start < NOW}

    # every need is linked to exactly one lab, or unplaced
    placements = list(needs_of(plan))
    assert sorted(map(repr, (p[2] for p in placements))) == sorted(map(repr, set(needs)))
    assert len(plan.links) == len(placements) - len(plan.unplaced)

    # every existing lab is kept, moved or cancelled, exactly once
    kept = [k.lab_id for k in plan.keep]
    moved = [m.lab_id for m in plan.moved]
    assert sorted(kept + moved + list(plan.cancel)) == sorted(by_id)
    assert set(plan.stale) <= set(kept)
    assert {e.lab_id for e in plan.extend} <= set(kept)

    # no cancelled lab is linked; completed and past labs never change
    linked_ids = {link.lab for link in plan.links if isinstance(link.lab, int)}
    assert not linked_ids & set(plan.cancel)
    changed = set(plan.cancel) | set(moved) | {e.lab_id for e in plan.extend}
    assert not changed & history
    for lab_id in plan.stale:
        lab = by_id[lab_id]
        assert not lab.completed and lab.start < NOW
    for lab_id in plan.cancel:
        assert lab_id not in history

    # every lab lies in the window of every need it serves and has its tests
    extended = {e.lab_id: e for e in plan.extend}
    for k in plan.keep:
        lab = by_id[k.lab_id]
        tests = extended[k.lab_id].tests if k.lab_id in extended else lab.tests
        if k.lab_id in extended:
            assert extended[k.lab_id].tests == lab.tests | extended[k.lab_id].added_tests
        for need in k.needs:
            assert need.requirement.covers_day(lab.day)
            assert need.requirement.tests <= tests
    placed: list[MovedLab | NewLab] = [*plan.moved, *plan.new]
    for draw in placed:
        assert draw.day == draw.start.astimezone(LONDON).date()
        assert draw.start >= NOW
        assert draw.needs
        assert draw.tests == frozenset().union(*(n.requirement.tests for n in draw.needs))
        for need in draw.needs:
            assert need.requirement.covers_day(draw.day)

    # a moved lab goes on serving a session it served before
    for m in plan.moved:
        sessions = {n.session_id for n in m.needs}
        assert sessions & {s for s, _ in by_id[m.lab_id].links}

    # fewest trips: a need gets a new or moved draw (or none) only when no existing lab could
    # serve it where it stands
    for kind, _, need in placements:
        if kind in ("new", "moved", "unplaced"):
            req = need.requirement
            for lab in existing:
                if lab.lab_id in history:
                    assert not (req.covers_day(lab.day) and req.tests <= lab.tests)
                else:
                    assert not req.covers_day(lab.day)

    # unplaced needs come with a WARN naming their window
    for u in plan.unplaced:
        assert u.finding.severity is Severity.WARN
        assert u.finding.rule == u.need.requirement.rule
        assert u.need.requirement.due_from.isoformat() in u.finding.message
        assert u.need.requirement.due_to.isoformat() in u.finding.message


@settings(max_examples=150, deadline=None)
@given(
    needs=needs_strategy,
    existing=existing_labs(),
    station=stations,
    seed=st.integers(0, 1000),
)
def test_plans_do_not_depend_on_input_order(
    needs: list[LabNeed], existing: list[ExistingLab], station: FakeStation, seed: int
) -> None:
    first = plan_labs(
        needs,
        existing,
        now=NOW,
        calendar=CALENDAR,
        place=FakeStation(station.full_days, station.per_day),
    )
    rng = random.Random(seed)
    rng.shuffle(needs)
    rng.shuffle(existing)
    again = plan_labs(
        needs,
        existing,
        now=NOW,
        calendar=CALENDAR,
        place=FakeStation(station.full_days, station.per_day),
    )
    assert again == first
    assert again.links == first.links


# --- find_lab_slot against a brute-force search ---------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    window_start=st.integers(0, 10),
    window_length=st.integers(0, 9),
    prefer=st.sampled_from(["latest", "target"]),
    target_offset=st.integers(-2, 12),
    capacity=st.integers(0, 2),
    slot_minutes=st.sampled_from([10, 15, 20]),
    load_slots=st.lists(st.tuples(st.integers(0, 20 * 60), st.integers(0, 3)), max_size=60),
    busy=st.lists(st.tuples(st.integers(0, 20 * 24 * 12), st.integers(1, 48)), max_size=10),
    not_before_offset=st.integers(0, 20 * 24 * 4),
)
def test_lab_slot_is_the_best_free_slot_of_the_window(
    window_start: int,
    window_length: int,
    prefer: Preference,
    target_offset: int,
    capacity: int,
    slot_minutes: int,
    load_slots: list[tuple[int, int]],
    busy: list[tuple[int, int]],
    not_before_offset: int,
) -> None:
    origin = at(BASE, 8)
    window_from = BASE + timedelta(days=window_start)
    window_to = window_from + timedelta(days=window_length)
    target = window_from + timedelta(days=target_offset)
    # load keys on any 5-minute mark (some are off the grid and must simply not matter)
    load = {(origin + timedelta(minutes=5 * i)).astimezone(UTC): n for i, n in load_slots}
    patient_busy = [
        (origin + timedelta(minutes=5 * s), origin + timedelta(minutes=5 * (s + n)))
        for s, n in busy
    ]
    not_before = origin + timedelta(minutes=15 * not_before_offset)
    found = find_lab_slot(
        CALENDAR,
        window_from,
        window_to,
        prefer=prefer,
        target=target,
        capacity=capacity,
        slot_minutes=slot_minutes,
        load=load,
        patient_busy=patient_busy,
        not_before=not_before,
    )

    # The oracle knows the clinic from this file alone (Monday to Friday, OPENS to CLOSES, no
    # clock change in November after the 1st) and uses none of the calendar's own helpers.
    def free(start: datetime) -> bool:
        end = start + timedelta(minutes=slot_minutes)
        return (
            start >= not_before
            and load.get(start, 0) < capacity
            and not any(
                start < busy_end and busy_start < end for busy_start, busy_end in patient_busy
            )
        )

    candidates = []
    for offset in range((window_to - window_from).days + 1):
        day = window_from + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        start = at(day, OPENS)
        while start + timedelta(minutes=slot_minutes) <= at(day, CLOSES):
            if free(start):
                candidates.append(start)
            start += timedelta(minutes=slot_minutes)
    if not candidates:
        assert found is None
    elif prefer == "latest":
        assert found == max(candidates)
    else:
        assert found == min(candidates, key=lambda s: (abs((s.date() - target).days), s))
