"""Finding free chair slots and lab draw slots in the clinic's diary.

Everything here is pure: the diary comes in as busy intervals, "now" comes in as ``earliest``
or ``not_before``, and the answer is a list of options. Candidate start times are wall-clock
times on a grid counted from each day's opening time and are localized one by one, so a
daylight-saving change moves no appointment off the grid and a skipped local time is never
offered, while a repeated one is offered at both of its moments. All overlap arithmetic
happens on UTC instants: comparing two aware datetimes that share a ``ZoneInfo`` ignores
``fold`` and would confuse the two 01:30s of an autumn night.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

from clinic_app.domain.clinic_calendar import CalendarError, ClinicCalendar, to_utc

Preference = Literal["latest", "target"]
"""Where a lab draw goes in its window: the latest slot, or the target day (else the nearest)."""

Interval = tuple[datetime, datetime]
"""A half-open busy interval ``[start, end)`` of aware datetimes."""


def _merged_utc(intervals: Iterable[Interval]) -> tuple[tuple[datetime, ...], tuple[datetime, ...]]:
    """Busy intervals as sorted, disjoint UTC runs: (starts, ends), both ascending.

    Merging once lets every later overlap test be one bisect on ``ends``: the first run that
    ends after a candidate's start is the only one that can overlap it.
    """
    runs: list[list[datetime]] = []
    # to_utc inlined for the common case (stored instants are UTC already): the lab
    # planner passes the patient's ~50 busy spans to every slot search.
    utc = [
        (s if s.tzinfo is UTC else to_utc(s), e if e.tzinfo is UTC else to_utc(e))
        for s, e in intervals
    ]
    for start, end in sorted(utc):
        if end < start:
            raise ValueError(f"busy interval ends before it starts: {start} - {end}")
        if end == start:
            continue  # a half-open interval of no length blocks nothing
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return tuple([r[0] for r in runs]), tuple([r[1] for r in runs])


def _is_busy(
    starts: Sequence[datetime], ends: Sequence[datetime], s: datetime, e: datetime
) -> bool:
    """True when ``[s, e)`` overlaps one of the merged runs ``starts``/``ends`` (all UTC)."""
    i = bisect_right(ends, s)
    return i < len(starts) and starts[i] < e


@dataclass(frozen=True)
class ChairSchedule:
    """One chair and the intervals it is already booked (half-open, any order, aware).

    The busy intervals are merged and sorted once, when the schedule is built, so a caller
    that keeps its schedules between keystrokes pays for that only once.
    """

    chair_id: int
    name: str
    busy: tuple[Interval, ...]
    _starts: tuple[datetime, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[datetime, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, ends = _merged_utc(self.busy)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_ends", ends)

    def is_free(self, start: datetime, end: datetime) -> bool:
        """True when the chair has nothing booked that overlaps ``[start, end)``."""
        return not _is_busy(self._starts, self._ends, to_utc(start), to_utc(end))


@dataclass(frozen=True, slots=True)
class SlotOption:
    """A free chair from ``start`` to ``end`` (aware, in the clinic's zone)."""

    chair_id: int
    chair_name: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One grid start of a day: the local aware start and the UTC instants of start and end."""

    start: datetime
    start_utc: datetime
    end_utc: datetime


def _day_grid(
    calendar: ClinicCalendar, day: date, step: timedelta, length: timedelta
) -> tuple[_Candidate, ...]:
    """Grid starts of ``day`` (every ``step`` from opening) whose ``length`` ends by closing.

    Wall-clock grid times are localized one by one; a time skipped by clocks going forward
    does not exist and is left out. A time repeated when clocks go back is offered at both
    of its moments (01:30 BST and 01:30 GMT). The grid is in real-time order.
    """
    hours = calendar.hours_on(day)
    if hours is None:
        return ()
    return _grid_of(calendar.timezone, day, hours.opens, hours.closes, step, length)


@lru_cache(maxsize=4096)
def _grid_of(
    timezone: str, day: date, opens: time, closes: time, step: timedelta, length: timedelta
) -> tuple[_Candidate, ...]:
    """_day_grid's answer, pure in the zone, the day, its hours, the step and the length:
    remembered, since every search asks it for every day it reaches (a 60-day slot search
    and each lab window alike) and every unit of work builds its own calendar."""
    calendar = ClinicCalendar(timezone, ())  # the zone's arithmetic; no hours are asked
    close_utc = _closing_instant(calendar, day, closes)
    first = datetime.combine(day, opens)
    last = datetime.combine(day, closes)
    grid: list[_Candidate] = []
    naive = first
    while naive < last:
        for local in calendar.wall_time_choices(naive):
            start_utc = local.astimezone(UTC)
            end_utc = start_utc + length  # real elapsed time, not wall-clock time
            if end_utc <= close_utc:
                grid.append(_Candidate(local, start_utc, end_utc))
        naive += step
    grid.sort(key=lambda candidate: candidate.start_utc)
    return tuple(grid)


def _closing_instant(calendar: ClinicCalendar, day: date, closes: time) -> datetime:
    """The UTC instant the clinic closes on ``day``.

    A closing time that falls in the hour skipped in spring has no wall-clock instant; it is
    read with the offset in force before the change (PEP 495, ``fold=0``), so the last
    appointments still end at the closing time the clinic set.
    """
    naive = datetime.combine(day, closes)
    try:
        return calendar.localize(naive).astimezone(UTC)
    except CalendarError:
        return naive.replace(tzinfo=calendar.tz, fold=0).astimezone(UTC)


def find_free_slots(
    calendar: ClinicCalendar,
    duration: timedelta,
    earliest: datetime,
    chairs: Sequence[ChairSchedule] | Callable[[date], Sequence[ChairSchedule]],
    patient_busy: Sequence[Interval],
    *,
    count: int,
    step_minutes: int = 15,
    horizon_days: int = 120,
    accept: Callable[[SlotOption], bool] | None = None,
    per_start: int = 1,
    accept_day: Callable[[date], bool] | None = None,
    accept_start: Callable[[datetime], bool] | None = None,
) -> list[SlotOption]:
    """The earliest ``count`` free chair slots of ``duration``, in time order.

    Starts lie on a grid every ``step_minutes`` from each open day's opening time, not before
    ``earliest``; the slot ends by closing time and overlaps neither the chair's busy time
    nor the patient's. Days from the local day of ``earliest`` for ``horizon_days`` days are
    searched. At one start, at most ``per_start`` chairs are offered, in the order of
    ``chairs`` (1 keeps the list to distinct times). ``accept`` lets the caller apply the
    clinical rules to a candidate; a rejected chair leaves room for the next one.

    The search goes day by day and stops at ``count`` options, so a caller can supply the
    diary lazily: ``chairs`` may be a function of the day returning that day's schedules
    (asked only for days the search reaches), and ``accept_day`` may reject a whole day
    before any chair of it is looked at; ``accept_start`` may reject a start (local, aware)
    for every chair at once, before the day's chairs are asked for.
    """
    if duration <= timedelta(0):
        raise ValueError("a slot must last longer than zero minutes")
    if step_minutes <= 0:
        raise ValueError("the slot grid step must be a positive number of minutes")
    if per_start < 1:
        raise ValueError("per_start must be at least 1")
    if count <= 0:
        return []
    earliest_utc = to_utc(earliest)
    patient_starts, patient_ends = _merged_utc(patient_busy)
    step = timedelta(minutes=step_minutes)
    first_day = calendar.local_day(earliest)
    found: list[SlotOption] = []
    for offset in range(horizon_days):
        day = first_day + timedelta(days=offset)
        if accept_day is not None and not accept_day(day):
            continue
        grid = [
            c
            for c in _day_grid(calendar, day, step, duration)
            if c.start_utc >= earliest_utc
            and not _is_busy(patient_starts, patient_ends, c.start_utc, c.end_utc)
            and (accept_start is None or accept_start(c.start))
        ]
        if not grid:
            continue
        day_chairs = chairs(day) if callable(chairs) else chairs
        free_chairs = _free_chairs_per_start(grid, day_chairs)
        for candidate, chair_indexes in zip(grid, free_chairs, strict=True):
            offered = 0
            for index in chair_indexes:
                chair = day_chairs[index]
                option = SlotOption(
                    chair.chair_id,
                    chair.name,
                    candidate.start,
                    candidate.end_utc.astimezone(calendar.tz),
                )
                if accept is not None and not accept(option):
                    continue
                found.append(option)
                if len(found) == count:
                    return found
                offered += 1
                if offered == per_start:
                    break
    return found


def _free_chairs_per_start(
    grid: Sequence[_Candidate], chairs: Sequence[ChairSchedule]
) -> list[list[int]]:
    """For each grid start, the indexes (ascending) of the chairs free for the whole slot.

    Works gap by gap rather than start by start: each free gap of a chair is mapped to the
    run of grid starts that fit in it with two bisects, so a full diary costs a few
    operations per chair and day however fine the grid is.
    """
    starts = [c.start_utc for c in grid]
    ends = [c.end_utc for c in grid]  # ascending too: every slot has the same real length
    day_from, day_to = starts[0], ends[-1]
    free: list[list[int]] = [[] for _ in grid]
    for index, chair in enumerate(chairs):
        busy_starts, busy_ends = chair._starts, chair._ends
        gap_from = day_from
        run = bisect_right(busy_ends, day_from)  # first run still busy after the day's start
        gaps: list[Interval] = []
        while run < len(busy_starts) and busy_starts[run] < day_to:
            if busy_starts[run] > gap_from:
                gaps.append((gap_from, busy_starts[run]))
            gap_from = max(gap_from, busy_ends[run])
            run += 1
        if gap_from < day_to:
            gaps.append((gap_from, day_to))
        for gap_start, gap_end in gaps:
            for i in range(bisect_left(starts, gap_start), bisect_right(ends, gap_end)):
                free[i].append(index)
    return free


def find_lab_slot(
    calendar: ClinicCalendar,
    window_from: date,
    window_to: date,
    *,
    prefer: Preference,
    target: date | None,
    capacity: int,
    slot_minutes: int,
    load: Mapping[datetime, int] | Callable[[datetime], int],
    patient_busy: Sequence[Interval],
    not_before: datetime,
) -> datetime | None:
    """A lab draw start inside ``window_from``..``window_to`` (local dates), or None.

    Draw slots lie every ``slot_minutes`` from opening and end by closing. A slot is free
    when ``load`` (draws already booked, keyed by slot start, compared by instant) holds
    fewer than ``capacity`` draws there, the patient is not busy during it and it starts no
    earlier than ``not_before``. ``prefer="latest"`` returns the latest free slot of the
    window (results come back in time and the patient comes once); ``prefer="target"``
    returns the earliest free slot of ``target``, else of the nearest open day inside the
    window (the earlier day on a tie). An empty window has no slot.

    ``load`` may instead be a function giving the draws booked at one slot start (a UTC
    instant), asked only for the slots the search reaches that the patient could take, in
    the order it reaches them: a caller reading the station's diary from a database then
    reads the few slots around the first one it tries, not the whole window, when that one
    has room.
    """
    if slot_minutes <= 0:
        raise ValueError("a lab slot must last a positive number of minutes")
    if prefer == "target" and target is None:
        raise ValueError('prefer="target" needs a target day')
    if isinstance(load, Mapping):
        booked = _counted_by_instant(load)
        draws_at: Callable[[datetime], int] = lambda start: booked.get(start, 0)  # noqa: E731
    else:
        draws_at = load
    patient_starts, patient_ends = _merged_utc(patient_busy)
    not_before_utc = to_utc(not_before)
    first_day = max(window_from, calendar.local_day(not_before))
    days = [window_from + timedelta(days=i) for i in range((window_to - window_from).days + 1)]
    days = [d for d in days if d >= first_day]
    if prefer == "latest":
        days.reverse()
    else:
        assert target is not None  # checked above; the assert narrows the type
        days.sort(key=lambda d: (abs((d - target).days), d))
    length = timedelta(minutes=slot_minutes)
    for day in days:
        grid = _day_grid(calendar, day, length, length)
        if prefer == "latest":
            grid = grid[::-1]
        for slot in grid:
            if (
                slot.start_utc >= not_before_utc
                and not _is_busy(patient_starts, patient_ends, slot.start_utc, slot.end_utc)
                and draws_at(slot.start_utc) < capacity
            ):
                return slot.start
    return None


def _counted_by_instant(load: Mapping[datetime, int]) -> dict[datetime, int]:
    """Draws per slot start keyed by UTC instant: a dict lookup must not depend on the key's
    zone (two London times of the repeated autumn hour compare equal)."""
    booked: dict[datetime, int] = {}
    for slot_start, draws in load.items():
        key = to_utc(slot_start)
        booked[key] = booked.get(key, 0) + draws
    return booked
