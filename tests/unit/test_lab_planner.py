"""Tests for the lab planner (clinic_app.domain.lab_planner), scenario by scenario.

The scenarios come from docs/clinical-rules.md, section 7 ("How lab appointments behave"), with the
E5/E6 schedule of rule E2: a baseline 14 to 1 days before the first iron dose, follow-ups at
day 7 (+-2), 21 (+-3), 49 (+-7) and 77 (+-7).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from clinic_app.domain.clinic_calendar import CalendarError, ClinicCalendar
from clinic_app.domain.findings import LabRequirement, LabTiming, Severity
from clinic_app.domain.lab_planner import (
    ExistingLab,
    KeptLab,
    LabExtension,
    LabLink,
    LabNeed,
    LabPlan,
    MovedLab,
    NewLab,
    plan_labs,
    unplaced_finding,
)
from clinic_app.domain.slot_finder import Preference, find_lab_slot

LONDON = ZoneInfo("Europe/London")
CALENDAR = ClinicCalendar.weekdays("Europe/London")  # Monday-Friday 08:00-18:00
NOW = datetime(2026, 10, 1, 8, 0, tzinfo=LONDON)
MONDAY = date(2026, 11, 2)
WEDNESDAY = MONDAY + timedelta(days=2)

E5_TESTS = frozenset({"calcium", "phosphate", "magnesium", "creatinine", "vitamin-d"})
E6_TESTS = frozenset({"calcium", "phosphate", "magnesium", "creatinine"})
A7_TESTS = frozenset({"creatinine", "calcium"})


def days(n: int) -> timedelta:
    return timedelta(days=n)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=LONDON)


def before(rule: str, tests: Iterable[str], dose: date, first: int, last: int) -> LabRequirement:
    """A "before" window from ``first`` to ``last`` days before the dose."""
    return LabRequirement(
        rule, frozenset(tests), LabTiming.BEFORE, dose - days(first), dose - days(last)
    )


def after(rule: str, tests: Iterable[str], dose: date, day: int, tol: int) -> LabRequirement:
    """An "after" window at day ``day`` (+-``tol``) after the dose, targeting day ``day``."""
    return LabRequirement(
        rule,
        frozenset(tests),
        LabTiming.AFTER,
        dose + days(day - tol),
        dose + days(day + tol),
        target=dose + days(day),
        label=f"day {day}",
    )


def e5(dose: date) -> LabRequirement:
    return before("E5", E5_TESTS, dose, 14, 1)


def e6(dose: date) -> list[LabRequirement]:
    return [after("E6", E6_TESTS, dose, d, t) for d, t in ((7, 2), (21, 3), (49, 7), (77, 7))]


def a7(dose: date) -> LabRequirement:
    return before("A7", A7_TESTS, dose, 30, 1)


def iron_on_antiresorptive(session_id: int | None, dose: date) -> list[LabNeed]:
    """What the rule engine asks for an iron session of a patient on denosumab (E5 + E6)."""
    return [LabNeed(session_id, r) for r in (e5(dose), *e6(dose))]


def lab(
    lab_id: int,
    start: datetime,
    tests: Iterable[str],
    *,
    completed: bool = False,
    links: Iterable[tuple[int, str]] = (),
) -> ExistingLab:
    return ExistingLab(lab_id, start, start.date(), frozenset(tests), completed, frozenset(links))


class LabStation:
    """The service's ``place`` in miniature: find_lab_slot over a load it remembers."""

    def __init__(
        self,
        calendar: ClinicCalendar = CALENDAR,
        capacity: int = 2,
        load: dict[datetime, int] | None = None,
        patient_busy: Sequence[tuple[datetime, datetime]] = (),
    ) -> None:
        self.calendar = calendar
        self.capacity = capacity
        self.load = dict(load or {})
        self.patient_busy = list(patient_busy)
        self.calls: list[tuple[date, date, Preference, date | None]] = []

    def __call__(
        self, window_from: date, window_to: date, prefer: Preference, target: date | None
    ) -> datetime | None:
        self.calls.append((window_from, window_to, prefer, target))
        start = find_lab_slot(
            self.calendar,
            window_from,
            window_to,
            prefer=prefer,
            target=target,
            capacity=self.capacity,
            slot_minutes=15,
            load=self.load,
            patient_busy=self.patient_busy,
            not_before=NOW,
        )
        if start is not None:
            self.load[start] = self.load.get(start, 0) + 1
        return start


def plan(
    needs: Iterable[LabNeed],
    existing: Iterable[ExistingLab] = (),
    place: LabStation | None = None,
    calendar: ClinicCalendar = CALENDAR,
) -> LabPlan:
    return plan_labs(needs, existing, now=NOW, calendar=calendar, place=place or LabStation())


def new_lab_starts(result: LabPlan) -> list[datetime]:
    return [n.start for n in result.new]


# --- placing new draws ----------------------------------------------------------------------------


def test_iron_on_a_monday_gets_a_baseline_the_friday_before_and_four_follow_ups() -> None:
    result = plan(iron_on_antiresorptive(1, MONDAY))
    # baseline: the latest free slot 14 to 1 days before; Sunday and Saturday are closed
    assert result.new[0] == NewLab(
        at(MONDAY - days(3), 17, 45),
        MONDAY - days(3),
        E5_TESTS,
        frozenset({LabNeed(1, e5(MONDAY))}),
    )
    # follow-ups: the target days (all Mondays, open), earliest slot of the day
    assert new_lab_starts(result)[1:] == [at(MONDAY + days(d), 8) for d in (7, 21, 49, 77)]
    assert [n.tests for n in result.new[1:]] == [E6_TESTS] * 4
    assert (result.keep, result.extend, result.moved, result.cancel) == ((), (), (), ())
    assert result.stale == () and result.unplaced == () and result.findings == ()
    assert len(result.links) == 5


def test_iron_on_a_wednesday_gets_its_baseline_the_day_before() -> None:
    result = plan(iron_on_antiresorptive(1, WEDNESDAY))
    assert result.new[0].start == at(WEDNESDAY - days(1), 17, 45)


def test_baseline_takes_the_latest_slot_with_room() -> None:
    tuesday = WEDNESDAY - days(1)
    station = LabStation(load={at(tuesday, 17, 45): 2, at(tuesday, 17, 30): 1})
    result = plan([LabNeed(1, e5(WEDNESDAY))], place=station)
    assert result.new[0].start == at(tuesday, 17, 30)


def test_baseline_avoids_the_patients_own_sessions() -> None:
    tuesday = WEDNESDAY - days(1)
    station = LabStation(patient_busy=[(at(tuesday, 16), at(tuesday, 18))])
    result = plan([LabNeed(1, e5(WEDNESDAY))], place=station)
    assert result.new[0].start == at(tuesday, 15, 45)


def test_follow_up_whose_target_day_is_closed_goes_to_the_nearest_open_day() -> None:
    closed = MONDAY + days(21)  # the day-21 target, a bank holiday say
    calendar = ClinicCalendar("Europe/London", CALENDAR.hours, closed_dates=frozenset({closed}))
    result = plan(iron_on_antiresorptive(1, MONDAY), place=LabStation(calendar), calendar=calendar)
    # Tuesday is one day away, the Friday before three (the weekend is closed)
    assert result.new[2].start == at(closed + days(1), 8)


def test_follow_up_target_on_a_weekend_takes_the_nearest_weekday() -> None:
    saturday = MONDAY + days(5)
    need = LabNeed(
        1,
        LabRequirement(
            "E7", A7_TESTS, LabTiming.AFTER, saturday - days(2), saturday + days(4), target=saturday
        ),
    )
    result = plan([need])
    assert result.new[0].start == at(saturday - days(1), 8)  # Friday: 1 day, Monday: 2 days


def test_the_proposal_being_booked_has_no_session_id_yet() -> None:
    result = plan(iron_on_antiresorptive(None, WEDNESDAY))
    assert len(result.links_for_session(None)) == 5
    assert result.links_for_session(1) == ()


# --- one draw serves several requirements --------------------------------------------------------


def test_baseline_and_before_dose_labs_of_one_session_share_a_draw() -> None:
    needs = [LabNeed(1, e5(WEDNESDAY)), LabNeed(1, a7(WEDNESDAY))]
    result = plan(needs)
    assert len(result.new) == 1
    assert result.new[0].tests == E5_TESTS | A7_TESTS
    assert result.new[0].needs == frozenset(needs)
    assert result.new[0].start == at(WEDNESDAY - days(1), 17, 45)


def test_two_sessions_with_overlapping_before_windows_share_one_draw() -> None:
    zoledronic = [LabNeed(1, a7(MONDAY)), LabNeed(1, before("A9", {"vitamin-d"}, MONDAY, 30, 1))]
    iron = [LabNeed(2, e5(MONDAY + days(3)))]
    station = LabStation()
    result = plan([*zoledronic, *iron], place=station)
    assert len(result.new) == 1
    draw = result.new[0]
    # common window: 11 days before the iron to 1 day before the zoledronic acid (a Sunday)
    assert station.calls == [(MONDAY - days(11), MONDAY - days(1), "latest", None)]
    assert draw.start == at(MONDAY - days(3), 17, 45)
    assert draw.tests == A7_TESTS | {"vitamin-d"} | E5_TESTS
    assert {n.session_id for n in draw.needs} == {1, 2}


def test_windows_that_do_not_overlap_get_separate_draws() -> None:
    needs = [LabNeed(1, e5(MONDAY)), LabNeed(2, e5(MONDAY + days(28)))]
    result = plan(needs)
    assert len(result.new) == 2


def test_a_group_whose_common_window_is_closed_is_split() -> None:
    friday = MONDAY + days(4)
    saturday = friday + days(1)
    early = LabNeed(1, LabRequirement("A7", A7_TESTS, LabTiming.BEFORE, friday - days(1), saturday))
    late = LabNeed(
        2,
        LabRequirement(
            "C4", frozenset({"calcium"}), LabTiming.BEFORE, saturday, saturday + days(2)
        ),
    )
    station = LabStation()
    result = plan([early, late], place=station)
    assert station.calls[0] == (saturday, saturday, "latest", None)  # together: closed
    assert [(n.start, n.needs) for n in result.new] == [
        (at(friday, 17, 45), frozenset({early})),
        (at(saturday + days(2), 17, 45), frozenset({late})),
    ]


def test_a_failed_group_falls_back_to_its_first_need_alone() -> None:
    # The first need opens as late as the other one, so dropping the other cannot widen the
    # common window: the first need alone is tried (as a "before" need now), then given up,
    # and the other need gets a draw of its own.
    first = LabNeed(1, LabRequirement("A7", A7_TESTS, LabTiming.BEFORE, MONDAY, WEDNESDAY))
    other = LabNeed(
        1,
        LabRequirement(
            "D13",
            frozenset({"ferritin"}),
            LabTiming.AFTER,
            MONDAY,
            MONDAY + days(10),
            target=MONDAY + days(1),
        ),
    )
    calls: list[tuple[date, date, Preference, date | None]] = []

    def place(lo: date, hi: date, prefer: Preference, target: date | None) -> datetime | None:
        calls.append((lo, hi, prefer, target))
        if hi == WEDNESDAY:
            return None  # nothing free in the first need's window
        return at(target or hi, 9)

    result = plan_labs([first, other], [], now=NOW, calendar=CALENDAR, place=place)
    assert calls == [
        (MONDAY, WEDNESDAY, "target", MONDAY + days(1)),
        (MONDAY, WEDNESDAY, "latest", None),
        (MONDAY, MONDAY + days(10), "target", MONDAY + days(1)),
    ]
    assert [(n.start, n.needs) for n in result.new] == [
        (at(MONDAY + days(1), 9), frozenset({other})),
    ]
    assert [u.need for u in result.unplaced] == [first]


def test_a_draw_also_serves_a_need_dropped_from_its_group_whose_window_holds_its_day() -> None:
    first = LabNeed(1, LabRequirement("A7", A7_TESTS, LabTiming.BEFORE, MONDAY, WEDNESDAY))
    second = LabNeed(
        2,
        LabRequirement(
            "C4", frozenset({"calcium"}), LabTiming.BEFORE, MONDAY + days(1), MONDAY + days(5)
        ),
    )

    def place(lo: date, hi: date, prefer: Preference, target: date | None) -> datetime | None:
        # a placer that fails the narrow common window, then offers its last day anyway
        return None if lo == MONDAY + days(1) else at(hi, 9)

    result = plan_labs([first, second], [], now=NOW, calendar=CALENDAR, place=place)
    assert [(n.start, n.needs) for n in result.new] == [
        (at(WEDNESDAY, 9), frozenset({first, second}))
    ]


def test_mixed_group_aims_at_the_after_target_clamped_into_the_common_window() -> None:
    follow_up = LabNeed(1, after("E6", E6_TESTS, MONDAY - days(7), 7, 2))  # Sat..Wed, Monday
    before_dose = LabNeed(2, before("C4", {"calcium"}, WEDNESDAY + days(7), 30, 8))  # ..Tuesday
    station = LabStation()
    result = plan([follow_up, before_dose], place=station)
    assert station.calls == [(MONDAY - days(2), MONDAY + days(1), "target", MONDAY)]
    assert result.new[0].start == at(MONDAY, 8)
    assert result.new[0].needs == frozenset({follow_up, before_dose})
    # a target after the common window ends is pulled back to its last day
    late_target = LabNeed(1, after("E6", E6_TESTS, MONDAY - days(5), 7, 2))  # Mon..Fri, Wed
    station = LabStation()
    plan([late_target, before_dose], place=station)
    assert station.calls == [(MONDAY, MONDAY + days(1), "target", MONDAY + days(1))]


def test_after_window_without_target_aims_at_its_first_day() -> None:
    end_of_course = LabNeed(
        1,
        LabRequirement(
            "D13",
            frozenset({"hemoglobin", "ferritin", "tsat"}),
            LabTiming.AFTER,
            MONDAY,
            MONDAY + days(14),
        ),
    )
    station = LabStation()
    result = plan([end_of_course], place=station)
    assert station.calls == [(MONDAY, MONDAY + days(14), "target", MONDAY)]
    assert result.new[0].start == at(MONDAY, 8)


# --- existing labs --------------------------------------------------------------------------------


def test_booked_lab_in_the_baseline_window_lacking_vitamin_d_is_extended() -> None:
    friday = MONDAY - days(3)
    booked = lab(7, at(friday, 10), E6_TESTS, links={(2, "C4")})
    needs = [LabNeed(1, e5(MONDAY)), LabNeed(2, before("C4", {"calcium"}, MONDAY, 30, 1))]
    result = plan(needs, [booked])
    assert result.extend == (LabExtension(7, frozenset({"vitamin-d"}), E5_TESTS),)
    assert result.keep == (KeptLab(7, frozenset(needs)),)
    assert result.new == () and result.cancel == ()


def test_completed_lab_covering_the_tests_in_the_window_satisfies_the_need() -> None:
    done = lab(3, at(MONDAY - days(5), 9), E5_TESTS | {"pth"}, completed=True)
    need = LabNeed(1, e5(MONDAY))
    result = plan([need], [done])
    assert result.keep == (KeptLab(3, frozenset({need})),)
    assert result.new == () and result.extend == ()


def test_completed_lab_lacking_a_test_is_never_extended_and_a_new_draw_is_made() -> None:
    done = lab(3, at(MONDAY - days(5), 9), E6_TESTS, completed=True)
    need = LabNeed(1, e5(MONDAY))
    result = plan([need], [done])
    assert result.keep == (KeptLab(3, frozenset()),)
    assert result.extend == () and result.cancel == () and result.stale == ()
    assert result.new[0].needs == frozenset({need})


def test_completed_lab_outside_the_window_does_not_count() -> None:
    done = lab(3, at(MONDAY - days(20), 9), E5_TESTS, completed=True)
    result = plan([LabNeed(1, e5(MONDAY))], [done])
    assert len(result.new) == 1


def test_among_past_labs_the_linked_one_wins_then_the_most_recent() -> None:
    need = LabNeed(1, e5(MONDAY))
    older = lab(1, at(MONDAY - days(10), 9), E5_TESTS, completed=True, links={(1, "E5")})
    newer = lab(2, at(MONDAY - days(4), 9), E5_TESTS, completed=True)
    assert plan([need], [older, newer]).keep == (
        KeptLab(1, frozenset({need})),
        KeptLab(2, frozenset()),
    )
    unlinked = lab(1, at(MONDAY - days(10), 9), E5_TESTS, completed=True)
    assert plan([need], [unlinked, newer]).keep == (
        KeptLab(1, frozenset()),
        KeptLab(2, frozenset({need})),
    )


def test_a_completed_result_makes_a_booked_duplicate_unnecessary() -> None:
    need = LabNeed(1, e5(MONDAY))
    done = lab(1, at(MONDAY - days(10), 9), E5_TESTS, completed=True)
    booked = lab(2, at(MONDAY - days(3), 9), E5_TESTS, links={(1, "E5")})
    result = plan([need], [done, booked])
    assert result.keep == (KeptLab(1, frozenset({need})),)
    assert result.cancel == (2,)


def test_past_booked_lab_in_the_window_still_satisfies_but_is_never_extended() -> None:
    now = NOW
    past = lab(5, now - days(2), E5_TESTS)
    need = LabNeed(
        1,
        LabRequirement(
            "E5", E5_TESTS, LabTiming.BEFORE, now.date() - days(5), now.date() + days(10)
        ),
    )
    assert plan([need], [past]).keep == (KeptLab(5, frozenset({need})),)
    lacking = lab(5, now - days(2), E6_TESTS)
    result = plan([need], [lacking])
    assert result.extend == () and result.stale == (5,)
    assert result.new[0].start.date() > now.date()  # not placed in the past


def test_orphaned_past_booked_lab_is_stale_not_cancelled() -> None:
    past = lab(5, NOW - days(2), E5_TESTS, links={(9, "E5")})
    result = plan([], [past])
    assert result.stale == (5,)
    assert result.cancel == ()
    assert result.keep == (KeptLab(5, frozenset()),)


def test_orphaned_completed_lab_just_loses_its_links() -> None:
    done = lab(5, NOW - days(2), E5_TESTS, completed=True, links={(9, "E5")})
    result = plan([], [done])
    assert result.keep == (KeptLab(5, frozenset()),)
    assert (result.cancel, result.stale, result.moved) == ((), (), ())


def test_fewest_trips_the_booked_lab_serving_most_needs_wins_and_the_other_is_cancelled() -> None:
    needs = [LabNeed(1, e5(MONDAY)), LabNeed(2, a7(MONDAY + days(2)))]
    small = lab(1, at(MONDAY - days(20), 9), A7_TESTS, links={(2, "A7")})  # only in A7's window
    big = lab(2, at(MONDAY - days(4), 9), A7_TESTS, links={(1, "E5")})  # in both windows
    result = plan(needs, [small, big])
    assert result.keep == (KeptLab(2, frozenset(needs)),)
    assert result.extend == (LabExtension(2, E5_TESTS - A7_TESTS, E5_TESTS),)
    assert result.cancel == (1,)


def test_on_a_tie_the_booked_lab_already_linked_wins() -> None:
    need = LabNeed(1, e5(MONDAY))
    first = lab(1, at(MONDAY - days(4), 9), E5_TESTS)
    linked = lab(2, at(MONDAY - days(3), 9), E5_TESTS, links={(1, "E5")})
    result = plan([need], [first, linked])
    assert result.keep == (KeptLab(2, frozenset({need})),)
    assert result.cancel == (1,)


def test_on_a_tie_the_booked_lab_needing_fewer_added_tests_wins() -> None:
    need = LabNeed(1, e5(MONDAY))
    lacking = lab(1, at(MONDAY - days(4), 9), A7_TESTS)
    covering = lab(2, at(MONDAY - days(3), 9), E5_TESTS)
    result = plan([need], [lacking, covering])
    assert result.keep == (KeptLab(2, frozenset({need})),)
    assert result.extend == ()


# --- cancelling and moving sessions --------------------------------------------------------------


def test_cancelling_a_session_cancels_its_labs_and_keeps_one_another_session_needs() -> None:
    only_mine = lab(1, at(MONDAY - days(3), 9), E5_TESTS, links={(1, "E5")})
    shared = lab(2, at(MONDAY + days(7), 9), E6_TESTS | {"pth"}, links={(1, "E6"), (2, "C4")})
    other = LabNeed(
        2, LabRequirement("C4", frozenset({"calcium"}), LabTiming.BEFORE, MONDAY, MONDAY + days(8))
    )
    # session 1 was cancelled: its needs are gone, session 2's remains
    result = plan([other], [only_mine, shared])
    assert result.cancel == (1,)
    assert result.keep == (KeptLab(2, frozenset({other})),)
    assert result.extend == ()  # the lab keeps its tests; only its links change
    assert result.links == (LabLink(2, other),)


def test_moving_a_session_moves_its_lab() -> None:
    baseline = lab(10, at(MONDAY - days(3), 17, 45), E5_TESTS, links={(1, "E5")})
    moved_to = MONDAY + days(28)
    result = plan([LabNeed(1, e5(moved_to))], [baseline])
    assert result.moved == (
        MovedLab(
            10,
            at(moved_to - days(3), 17, 45),
            moved_to - days(3),
            E5_TESTS,
            frozenset({LabNeed(1, e5(moved_to))}),
        ),
    )
    assert (result.new, result.cancel, result.keep) == ((), (), ())
    assert result.links == (LabLink(10, LabNeed(1, e5(moved_to))),)


def test_moving_an_iron_session_keeps_every_lab_id() -> None:
    old_dose, new_dose = MONDAY, MONDAY + days(28)
    before_move = plan(iron_on_antiresorptive(1, old_dose))
    existing = [
        lab(10 + i, draw.start, draw.tests, links={(1, "E5" if i == 0 else "E6")})
        for i, draw in enumerate(before_move.new)
    ]
    result = plan(iron_on_antiresorptive(1, new_dose), existing)
    assert result.new == () and result.cancel == ()
    lab_ids = sorted([k.lab_id for k in result.keep] + [m.lab_id for m in result.moved])
    assert lab_ids == [10, 11, 12, 13, 14]
    placed = {link.need.requirement: link.lab for link in result.links}
    assert set(placed) == {e5(new_dose), *e6(new_dose)}
    days_of = {e.lab_id: e.day for e in existing} | {m.lab_id: m.day for m in result.moved}
    for requirement, lab_id in placed.items():
        assert isinstance(lab_id, int)
        assert requirement.covers_day(days_of[lab_id])


def test_an_orphan_of_another_session_is_cancelled_not_moved() -> None:
    stranger = lab(10, at(MONDAY - days(3), 9), E5_TESTS, links={(5, "E5")})
    result = plan([LabNeed(1, e5(MONDAY + days(28)))], [stranger])
    assert result.cancel == (10,)
    assert len(result.new) == 1 and result.moved == ()


def test_the_orphan_sharing_most_sessions_is_moved_first() -> None:
    one = lab(10, at(MONDAY - days(10), 9), A7_TESTS, links={(1, "A7")})
    both = lab(11, at(MONDAY - days(3), 9), A7_TESTS, links={(1, "A7"), (2, "C4")})
    later = MONDAY + days(28)
    needs = [LabNeed(1, a7(later)), LabNeed(2, before("C4", {"calcium"}, later, 30, 1))]
    result = plan(needs, [one, both])
    assert [m.lab_id for m in result.moved] == [11]
    assert result.cancel == (10,)


# --- no free slot --------------------------------------------------------------------------------


def test_window_entirely_on_closed_days_gives_a_warn_naming_the_window() -> None:
    saturday = MONDAY - days(2)
    need = LabNeed(
        1,
        LabRequirement(
            "E5",
            frozenset({"calcium", "phosphate"}),
            LabTiming.BEFORE,
            saturday,
            saturday + days(1),
        ),
    )
    result = plan([need])
    assert result.new == ()
    (unplaced,) = result.unplaced
    assert unplaced.need == need
    finding = unplaced.finding
    assert finding.rule == "E5" and finding.severity is Severity.WARN
    assert finding.related_session_id == 1
    assert finding.message == (
        "no free lab slot between 2026-10-31 and 2026-11-01 for calcium, phosphate (E5), "
        "needed by session 1"
    )
    assert result.findings == (finding,)
    assert result.findings_for_session(1) == (finding,)
    assert result.findings_for_session(2) == ()


def test_full_lab_station_gives_a_warn_for_every_need() -> None:
    result = plan(iron_on_antiresorptive(None, MONDAY), place=LabStation(capacity=0))
    assert len(result.unplaced) == 5 and result.new == ()
    assert all(u.finding.severity is Severity.WARN for u in result.unplaced)
    assert "(E6, day 7), needed by this booking" in result.unplaced[1].finding.message
    assert result.unplaced[1].finding.related_session_id is None


def test_unplaced_finding_names_tests_in_a_fixed_order() -> None:
    finding = unplaced_finding(LabNeed(3, e5(MONDAY)))
    assert finding.message == (
        "no free lab slot between 2026-10-19 and 2026-11-01 for calcium, creatinine, "
        "magnesium, phosphate, vitamin-d (E5), needed by session 3"
    )


# --- the plan as a value --------------------------------------------------------------------------


def test_same_inputs_in_any_order_give_the_same_plan() -> None:
    needs = [
        *iron_on_antiresorptive(1, MONDAY),
        *iron_on_antiresorptive(2, WEDNESDAY),
        LabNeed(3, a7(MONDAY + days(30))),
    ]
    existing = [
        lab(1, at(MONDAY - days(4), 9), E6_TESTS, links={(1, "E5")}),
        lab(2, at(MONDAY + days(60), 9), E6_TESTS, links={(4, "E6")}),
        lab(3, NOW - days(1), E5_TESTS, completed=True),
    ]
    expected = plan(needs, existing)
    rng = random.Random(7)
    for _ in range(10):
        rng.shuffle(needs)
        rng.shuffle(existing)
        assert plan(needs, existing) == expected
        assert plan(needs, existing).links == expected.links


def test_a_need_reported_twice_is_one_need() -> None:
    need = LabNeed(1, e5(MONDAY))
    result = plan([need, need])
    assert len(result.new) == 1 and len(result.links) == 1


def test_session_helpers_list_links_and_needs() -> None:
    needs = [*iron_on_antiresorptive(1, MONDAY), LabNeed(2, a7(MONDAY))]
    existing = [lab(9, at(MONDAY - days(3), 9), A7_TESTS, links={(2, "A7")})]
    result = plan(needs, existing)
    assert [link.lab for link in result.links_for_session(2)] == [9]
    assert result.needs_for_session(2) == (LabNeed(2, a7(MONDAY)),)
    assert set(result.needs_for_session(1)) == set(iron_on_antiresorptive(1, MONDAY))
    kinds = {type(link.lab) for link in result.links_for_session(1)}
    assert kinds == {int, NewLab}  # E5 joined lab 9 (extended), the follow-ups are new


def test_need_link_key_and_session_words() -> None:
    assert LabNeed(4, a7(MONDAY)).link_key == (4, "A7")
    assert LabNeed(None, a7(MONDAY)).link_key is None
    assert LabNeed(None, a7(MONDAY)).describe_session() == "this booking"


def test_an_existing_lab_listed_twice_is_refused() -> None:
    twice = lab(1, at(MONDAY, 9), A7_TESTS)
    with pytest.raises(ValueError, match="twice"):
        plan([], [twice, twice])


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(CalendarError):
        plan_labs([], [], now=datetime(2026, 10, 1), calendar=CALENDAR, place=LabStation())


def test_a_placer_answering_outside_the_window_is_a_programming_error() -> None:
    def place(lo: date, hi: date, prefer: Preference, target: date | None) -> datetime | None:
        return at(hi + days(1), 9)

    with pytest.raises(ValueError, match="outside the lab window of E5"):
        plan_labs([LabNeed(1, e5(MONDAY))], [], now=NOW, calendar=CALENDAR, place=place)
