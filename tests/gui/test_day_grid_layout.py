"""The day grid's layout (built on the worker thread in one sweep) against a plain oracle.

The oracle is the layout as first written, kept here verbatim in spirit: per column, the
entries sorted by (start, end), grouped into blocks of touching rows, then each block's
entries given lanes by greedy interval colouring, every time computed with datetime
arithmetic per entry. Random days (hypothesis) must give equal blocks, lanes, spans, hours
and lookups.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.domain.clinic_calendar import ClinicCalendar, OpeningHours
from clinic_app.gui.day_grid.day_grid_model import (
    DEFAULT_CLOSES,
    DEFAULT_OPENS,
    SLOT_MINUTES,
    lay_out_day,
)
from clinic_app.services.results import ChairView, DayList, LabView, SessionView
from tests.conftest import LONDON

DAY = date(2026, 3, 17)
CHAIRS = [ChairView(1, "Chair 1", True), ChairView(2, "Chair 2", True)]


def _oracle(chairs: list[ChairView], day_list: DayList, calendar: ClinicCalendar | None) -> dict:
    hours = calendar.hours_on(day_list.day) if calendar is not None else None
    closed = calendar is not None and hours is None
    opens = hours.opens if hours is not None else DEFAULT_OPENS
    closes = hours.closes if hours is not None else DEFAULT_CLOSES
    day_opens, day_closes = opens, closes
    shown = [s for s in day_list.sessions if s.status != "cancelled"]
    labs = [lab for lab in day_list.labs if lab.status != "cancelled"]
    columns = list(chairs)
    known = {c.id for c in columns}
    for s in shown:
        if s.chair_id not in known:
            columns.append(ChairView(s.chair_id, s.chair, False))
            known.add(s.chair_id)
    for item in [*shown, *labs]:
        start = item.start.time()
        end = item.end.time() if item.end.date() == item.start.date() else time(23, 59)
        opens = min(opens, time(start.hour, start.minute - start.minute % SLOT_MINUTES))
        closes = max(closes, end)
    first = datetime.combine(day_list.day, opens)

    def rows_for(a: time, b: time) -> int:
        return max(1, math.ceil(((b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)) / 15))

    rows = rows_for(opens, closes)

    def minutes(start: datetime, end: datetime) -> tuple[int, int]:
        a = int((start.replace(tzinfo=None) - first).total_seconds() // 60)
        b = int((end.replace(tzinfo=None) - first).total_seconds() // 60)
        return a, max(b, a + 1)

    column_of = {c.id: i for i, c in enumerate(columns)}
    per_column: dict[int, list[tuple[int, int, object]]] = {}
    for s in shown:
        per_column.setdefault(column_of[s.chair_id], []).append((*minutes(s.start, s.end), s))
    for lab in labs:
        per_column.setdefault(len(columns), []).append((*minutes(lab.start, lab.end), lab))
    blocks = []
    for column, entries in sorted(per_column.items()):
        entries.sort(key=lambda e: (e[0], e[1]))
        groups: list[tuple[int, int, list[tuple[int, int, object]]]] = []
        for entry in entries:
            top = entry[0] // 15
            bottom = max(top + 1, math.ceil(entry[1] / 15))
            if groups and top < groups[-1][1]:
                groups[-1][2].append(entry)
                groups[-1] = (groups[-1][0], max(groups[-1][1], bottom), groups[-1][2])
            else:
                groups.append((top, bottom, [entry]))
        for top, bottom, group in groups:
            lane_ends: list[int] = []
            placed = []
            for a, b, item in group:
                for lane, end in enumerate(lane_ends):
                    if end <= a:
                        lane_ends[lane] = b
                        placed.append((a, b, id(item), lane))
                        break
                else:
                    lane_ends.append(b)
                    placed.append((a, b, id(item), len(lane_ends) - 1))
            blocks.append((column, top, bottom - top, tuple((*p, len(lane_ends)) for p in placed)))
    if closed:
        open_rows = range(0, 0)
    else:
        m = (datetime.combine(day_list.day, day_opens) - first).total_seconds() / 60
        first_open = min(max(0, int(m // 15)), rows - 1)
        open_rows = range(first_open, first_open + rows_for(day_opens, day_closes))
    return {
        "columns": tuple(columns),
        "first": first,
        "rows": rows,
        "closed": closed,
        "open_rows": open_rows,
        "blocks": blocks,
        "hidden": len(day_list.sessions) - len(shown),
    }


def _session(number: int, chair: int, start: datetime, minutes: int, status: str) -> SessionView:
    return SessionView(
        number, number, f"M{number}", f"Patient {number}", chair, f"Chair {chair}", "denosumab",
        "Denosumab", start, start + timedelta(minutes=minutes), status, None,
    )  # fmt: skip


def _lab(number: int, start: datetime, minutes: int, status: str) -> LabView:
    return LabView(
        1000 + number, number, f"M{number}", f"Patient {number}", ("ca",), start,
        start + timedelta(minutes=minutes), status, DAY, DAY,
    )  # fmt: skip


starts = st.integers(min_value=-120, max_value=16 * 60).map(
    lambda m: datetime.combine(DAY, time(7), tzinfo=LONDON) + timedelta(minutes=m)
)
statuses = st.sampled_from(["booked", "booked", "completed", "cancelled"])
sessions = st.lists(
    st.tuples(st.integers(1, 4), starts, st.integers(0, 200), statuses), max_size=40
)
labs = st.lists(st.tuples(starts, st.integers(0, 30), statuses), max_size=30)
calendars = st.sampled_from(
    [
        None,
        ClinicCalendar("Europe/London", (OpeningHours(1, time(9), time(13)),), frozenset()),
        ClinicCalendar("Europe/London", (), frozenset()),  # closed every day
    ]
)


@settings(max_examples=300, deadline=None)
@given(sessions, labs, calendars)
def test_the_sweep_lays_a_day_out_as_the_oracle(
    session_specs: list[tuple[int, datetime, int, str]],
    lab_specs: list[tuple[datetime, int, str]],
    calendar: ClinicCalendar | None,
) -> None:
    day_list = DayList(
        DAY,
        tuple(_session(n, c, s, m, status) for n, (c, s, m, status) in enumerate(session_specs)),
        tuple(_lab(n, s, m, status) for n, (s, m, status) in enumerate(lab_specs)),
    )
    expected = _oracle(CHAIRS, day_list, calendar)
    layout = lay_out_day(CHAIRS, day_list, calendar)
    assert layout.chairs == expected["columns"]
    assert (layout.first, layout.rows, layout.closed) == (
        expected["first"],
        expected["rows"],
        expected["closed"],
    )
    assert layout.open_rows == expected["open_rows"]
    assert layout.hidden == expected["hidden"]
    got = [
        (
            b.column,
            b.top_row,
            b.row_count,
            tuple(
                (e.start_minute, e.end_minute, id(e.session or e.lab), e.lane, e.lanes)
                for e in b.entries
            ),
        )
        for b in layout.blocks
    ]
    assert got == expected["blocks"]
    assert list(layout.spans) == [(t, c, r) for c, t, r, _e in got if r > 1]
    covering = {}
    for block in layout.blocks:
        for row in range(block.top_row, block.top_row + block.row_count):
            assert layout.block_covering(row, block.column) is block
            covering[(row, block.column)] = block
        assert layout.top[(block.top_row, block.column)] is block
        for entry in block.entries:
            if entry.session is not None:
                assert layout.by_session[entry.session.id or 0] is block
    for row in range(-1, layout.rows + 1):  # and nothing anywhere else, the edges included
        for column in range(-1, len(layout.chairs) + 2):
            assert layout.block_covering(row, column) is covering.get((row, column))
