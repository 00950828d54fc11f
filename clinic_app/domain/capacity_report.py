"""A clinic day's capacity (issue 14): nurse load per 15 minutes, its peaks, and idle chairs.

Pure: the service reads the day's rota, its nurse tasks (``nurse_capacity.NurseTask``, the
active sessions) and its chair time, and hands them over; this module counts. The nurse load
is :func:`clinic_app.domain.nurse_capacity.load_curve` and ``DayLoad``, not a copy.

Definitions (the README documents them for managers):

* **open chair-minutes** = the day's opening hours x the chairs active now (none when closed);
* **booked chair-minutes** = the chair time of the day's sessions that hold their chair (not
  cancelled; no-shows count, as in the utilisation report), on active chairs, inside the
  opening hours; a chair's overlapping sessions count once;
* **idle chair-minutes** = open - booked;
* **peak set-ups** = the most exclusive nurse tasks (set-ups and take-downs) in progress at
  any one minute; **peak need** = the most nurses needed at any one minute, with the nurses
  on duty at the first such minute;
* **minutes over capacity** = minutes needing more nurses than are on duty; a day without a
  rota is not nurse-checked and has none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clinic_app.domain.nurse_capacity import (
    MINUTES_PER_DAY,
    DayLoad,
    DayRota,
    LoadPoint,
    NurseTask,
    load_curve,
    nurses_needed,
)

CURVE_STEP = 15  # minutes between two points of the load curve


@dataclass(frozen=True, slots=True)
class ChairTime:
    """A session's time in its chair on one day, minutes of the local day (end exclusive)."""

    chair_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DayCapacityFigures:
    """One clinic day's capacity figures and its load curve (minutes of the local day)."""

    open: bool
    nurse_checked: bool
    open_chair_minutes: int
    booked_chair_minutes: int
    idle_chair_minutes: int
    peak_setups: int
    peak_need: int
    peak_minute: int | None  # the first minute needing ``peak_need`` nurses (None: no load)
    on_duty_at_peak: int
    minutes_over: int
    points: tuple[LoadPoint, ...]

    @property
    def utilisation(self) -> float | None:
        """Booked / open chair-minutes, or None on a closed day (or without active chairs)."""
        if not self.open_chair_minutes:
            return None
        return self.booked_chair_minutes / self.open_chair_minutes


def _merged_minutes(spans: Iterable[tuple[int, int]]) -> int:
    """Minutes covered by ``spans`` (overlaps counted once)."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total


def booked_chair_minutes(
    chair_times: Iterable[ChairTime], active_chairs: frozenset[int], opening: tuple[int, int]
) -> int:
    """Chair-minutes booked on ``active_chairs`` inside ``opening`` (overlaps once per chair)."""
    opens, closes = opening
    per_chair: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for piece in chair_times:
        if piece.chair_id not in active_chairs:
            continue
        start, end = max(piece.start, opens), min(piece.end, closes)
        if start < end:
            per_chair[piece.chair_id].append((start, end))
    return sum(_merged_minutes(spans) for spans in per_chair.values())


def curve_span(
    rota: DayRota, tasks: Sequence[NurseTask], opening: tuple[int, int] | None, step: int
) -> tuple[int, int]:
    """The minutes a day's curve covers: opening hours, shifts and sessions, starting on the
    curve's grid; ``(0, 0)`` for a day with none of them."""
    starts = [s.start for s in rota.shifts] + [t.start for t in tasks]
    ends = [s.end for s in rota.shifts] + [t.end for t in tasks]
    if opening is not None:
        starts.append(opening[0])
        ends.append(opening[1])
    if not starts:
        return 0, 0
    first = min(starts)
    return first - first % step, max(ends)


def day_capacity(
    rota: DayRota,
    tasks: Sequence[NurseTask],
    chair_times: Sequence[ChairTime],
    *,
    opening: tuple[int, int] | None,
    active_chairs: frozenset[int],
    step: int = CURVE_STEP,
) -> DayCapacityFigures:
    """The day's figures: ``opening`` is (opens, closes) in minutes, None on a closed day;
    ``tasks`` the nurse tasks of the day's active sessions, ``chair_times`` the chair time
    of its sessions that hold their chair."""
    if step < 1:
        raise ValueError("the curve's step is at least one minute")
    if opening is not None and not 0 <= opening[0] < opening[1] <= MINUTES_PER_DAY:
        raise ValueError(f"opening hours {opening} are not hours of one day")
    if opening is None:
        open_minutes = booked = 0
    else:
        open_minutes = (opening[1] - opening[0]) * len(active_chairs)
        booked = booked_chair_minutes(chair_times, active_chairs, opening)
    load = DayLoad(tasks)
    duty = rota.duty_curve()
    peak_setups = max(load.exclusive)
    peak_need, peak_minute, on_duty_at_peak, minutes_over = 0, None, 0, 0
    for minute in range(MINUTES_PER_DAY):
        need = nurses_needed(load.exclusive[minute], load.monitored[minute], rota.ratio)
        if need > peak_need:
            peak_need, peak_minute, on_duty_at_peak = need, minute, duty[minute]
        if rota.configured and need > duty[minute]:
            minutes_over += 1
    first, last = curve_span(rota, tasks, opening, step)
    return DayCapacityFigures(
        open=opening is not None,
        nurse_checked=rota.configured,
        open_chair_minutes=open_minutes,
        booked_chair_minutes=booked,
        idle_chair_minutes=open_minutes - booked,
        peak_setups=peak_setups,
        peak_need=peak_need,
        peak_minute=peak_minute,
        on_duty_at_peak=on_duty_at_peak,
        minutes_over=minutes_over,
        points=tuple(load_curve(rota, tasks, first, last, step=step)),
    )
