"""Matching one day's bookings to the stored template's starts (domain.template_compliance)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.template_compliance import (
    BookedStart,
    StartUse,
    TemplateStart,
    match_day,
    planned_by_start,
)
from clinic_app.domain.template_solver import SessionKind

SHORT = SessionKind(60, 10, 5)
LONG = SessionKind(75, 15, 5)


def test_a_booking_fills_a_start_of_its_kind_only() -> None:
    starts = [
        TemplateStart(540, SHORT, 2),
        TemplateStart(540, LONG, 1),
        TemplateStart(600, SHORT, 1),
    ]
    booked = [
        BookedStart(540, SHORT),
        BookedStart(540, SHORT),
        BookedStart(540, SHORT),  # beyond the count: off the template
        BookedStart(555, LONG),  # the right kind, the wrong minute
        BookedStart(600, LONG),  # the right minute, the wrong kind
        BookedStart(600, None),  # a therapy the catalog no longer knows
    ]
    day = match_day(starts, booked)
    assert day.uses == (
        StartUse(540, SHORT, 2, 2),
        StartUse(540, LONG, 1, 0),
        StartUse(600, SHORT, 1, 0),
    )
    assert (day.planned, day.filled, day.off_template) == (4, 2, 4)
    assert [u.room for u in day.uses] == [0, 1, 1]


def test_no_template_leaves_every_booking_off_it() -> None:
    day = match_day([], [BookedStart(480, SHORT)])
    assert (day.planned, day.filled, day.off_template) == (0, 0, 1)


def test_a_start_listed_twice_is_summed_and_negative_counts_are_refused() -> None:
    assert planned_by_start([TemplateStart(480, SHORT, 1), TemplateStart(480, SHORT, 2)]) == {
        (480, SHORT): 3
    }
    with pytest.raises(ValueError, match="negative"):
        planned_by_start([TemplateStart(480, SHORT, -1)])


kinds = st.sampled_from([SHORT, LONG])
minutes = st.sampled_from([480, 495, 510, 600])


@given(
    st.lists(st.builds(TemplateStart, minutes, kinds, st.integers(0, 3)), max_size=8),
    st.lists(st.builds(BookedStart, minutes, st.one_of(st.none(), kinds)), max_size=12),
)
def test_the_counts_always_add_up(starts: list[TemplateStart], booked: list[BookedStart]) -> None:
    day = match_day(starts, booked)
    assert day.filled <= day.planned
    assert day.filled + day.off_template == len(booked)
    assert day.planned == sum(s.count for s in starts)
    for use in day.uses:
        assert 0 <= use.filled <= use.planned
        at = sum(1 for b in booked if (b.minute, b.kind) == (use.minute, use.kind))
        assert use.filled == min(use.planned, at)
