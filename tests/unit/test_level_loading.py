"""Level-loaded slot ranking (issue 14): score monotone in the added peak, ties to the
earliest, room kept for the long infusions the history expects, and the reason in words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.level_loading import DayProfile, Score, recommend, score
from clinic_app.domain.nurse_capacity import NurseTask

NINE = 9 * 60


def zol(start: int) -> NurseTask:
    """Zoledronic acid as the shipped catalog has it: 60 min, 10 set-up, 5 take-down."""
    return NurseTask(start, start + 60, 10, 5)


def test_a_start_on_the_set_up_peak_scores_worse_than_one_beside_it() -> None:
    profile = DayProfile.of([zol(NINE), zol(NINE)])
    on_peak = score(profile, zol(NINE), 0)
    beside = score(profile, zol(NINE + 15), 1)
    assert on_peak.score.setup_rise == 1 and beside.score.setup_rise == 0
    assert beside.score < on_peak.score
    best = recommend([(profile, zol(NINE)), (profile, zol(NINE + 15))])
    assert best is not None and best.index == 1
    assert best.reason.startswith("keeps the 09:00 set-up peak at 2")


def test_monitoring_peak_counts_after_set_ups() -> None:
    # Four patients monitored 10:00-11:00; a start at 10:00 adds to the monitoring peak,
    # one at 11:00 (after them) does not; neither adds a set-up peak of 2 ... both equal there.
    profile = DayProfile.of([NurseTask(570 + i * 15, 690, 5, 0) for i in range(4)])
    inside = score(profile, NurseTask(600, 660, 5, 0), 0)
    after = score(profile, NurseTask(690, 750, 5, 0), 1)
    assert inside.score.monitored_rise == 1 and after.score.monitored_rise == 0
    assert after.score < inside.score


def test_ties_go_to_the_earliest_and_the_reason_says_so() -> None:
    empty = DayProfile.of([])
    best = recommend([(empty, zol(NINE + 15 * k)) for k in range(5)])
    assert best is not None and best.index == 0
    assert best.reason.endswith("and it is the earliest")
    assert recommend([]) is None


def test_a_short_infusion_leaves_room_for_the_long_ones_expected_that_day() -> None:
    # Day A: 60 chair-minutes free, 60 minutes of long infusions expected: a 60-min start
    # there takes their room. Day B has room to spare: recommended although later.
    day_a = DayProfile.of([], free_chair_minutes=60, expected_long_minutes=60)
    day_b = DayProfile.of([], free_chair_minutes=600, expected_long_minutes=60)
    a, b = score(day_a, zol(NINE), 0), score(day_b, zol(NINE), 1)
    assert a.score.long_room_lost == 60 and b.score.long_room_lost == 0
    best = recommend([(day_a, zol(NINE)), (day_b, zol(NINE))])
    assert best is not None and best.index == 1
    assert "leaves room for the long infusions" in best.reason


starts = st.integers(min_value=8 * 60, max_value=17 * 60).map(lambda m: m - m % 15)


@given(st.lists(starts, max_size=12), starts, st.integers(min_value=1, max_value=4))
def test_score_is_monotone_in_the_added_set_up_peak(
    booked: list[int], start: int, extra: int
) -> None:
    """Booking ``extra`` more sessions at the candidate's own start never lowers its
    set-up rise: the more a start piles onto the peak, the worse it scores."""
    base = DayProfile.of([zol(m) for m in booked])
    piled = DayProfile.of([zol(m) for m in booked] + [zol(start)] * extra)
    alone = score(base, zol(start)).score
    crowded = score(piled, zol(start)).score
    assert crowded.setup_rise >= alone.setup_rise
    # and the rise is exactly how far the day's peak grows
    with_it = DayProfile.of([zol(m) for m in booked] + [zol(start)])
    assert alone.setup_rise == with_it.setup_peak - base.setup_peak


@given(st.lists(starts, max_size=10), st.lists(starts, min_size=1, max_size=8))
def test_the_recommendation_is_the_minimum_score_and_the_earliest_among_equals(
    booked: list[int], candidates: list[int]
) -> None:
    profile = DayProfile.of([zol(m) for m in booked])
    best = recommend([(profile, zol(m)) for m in candidates])
    assert best is not None
    scores = [score(profile, zol(m), i).score for i, m in enumerate(candidates)]
    chosen = scores[best.index]
    assert chosen == min(scores)
    assert all(
        (s.setup_rise, s.monitored_rise, s.long_room_lost)
        > (chosen.setup_rise, chosen.monitored_rise, chosen.long_room_lost)
        for s in scores[: best.index]
    )
    assert isinstance(chosen, Score)
