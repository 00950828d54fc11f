"""Nurse capacity for one clinic day (issue 14): the load curve, the invariant, the next start.

The model (Hesaraki, Dellaert and de Kok, EJOR 2019; the issue's own words): a nurse is busy
with one patient alone during that session's set-up (its first minutes) and take-down (its
last minutes); in between the patient is monitored, up to ``ratio`` patients per nurse. The
invariant, at every minute of the day:

    exclusive tasks in progress + ceil(patients monitored / ratio) <= nurses on duty

where a nurse is on duty inside her shift and outside its breaks. Everything here counts in
minutes of the clinic's local wall-clock day (0 = midnight), the way shifts are written; a
clinic day never spans a change of clocks during opening hours.

A day with no shift at all has no rota: it is not nurse-checked (``DayRota.configured``),
so a clinic that has not entered its nurses books as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class NurseShift:
    """One nurse's shift on one day: on duty from ``start`` to ``end`` (minutes of the day,
    end exclusive), except during ``breaks`` (each ``(start, end)`` inside the shift)."""

    nurse_id: int
    nurse: str
    start: int
    end: int
    breaks: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= MINUTES_PER_DAY:
            raise ValueError(f"shift of {self.nurse}: {self.start}-{self.end} is not a shift")
        for b_start, b_end in self.breaks:
            if not self.start <= b_start < b_end <= self.end:
                raise ValueError(f"shift of {self.nurse}: break {b_start}-{b_end} outside it")

    def on_duty(self, minute: int) -> bool:
        """True when the nurse is on the ward at ``minute`` (in the shift, not on a break)."""
        if not self.start <= minute < self.end:
            return False
        return not any(b_start <= minute < b_end for b_start, b_end in self.breaks)

    @property
    def duty_minutes(self) -> int:
        """Minutes on duty (the shift less its breaks)."""
        return self.end - self.start - sum(b - a for a, b in self.breaks)


@dataclass(frozen=True, slots=True)
class NurseTask:
    """What one session asks of the nurses: ``setup`` exclusive minutes from ``start``,
    ``takedown`` exclusive minutes up to ``end``, monitoring in between."""

    start: int
    end: int
    setup: int
    takedown: int
    session_id: int | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end <= MINUTES_PER_DAY):
            raise ValueError(f"task {self.start}-{self.end} is not a session of one day")
        if self.setup < 0 or self.takedown < 0:
            raise ValueError(f"task {self.start}-{self.end}: negative nurse minutes")
        if self.setup + self.takedown > self.end - self.start:
            raise ValueError(f"task {self.start}-{self.end}: set-up and take-down do not fit")

    def moved_to(self, start: int) -> NurseTask:
        """The same session starting at ``start``."""
        return NurseTask(
            start, start + self.end - self.start, self.setup, self.takedown, self.session_id
        )

    def exclusive_at(self, minute: int) -> bool:
        """True when a nurse is busy with this patient alone at ``minute``."""
        return (self.start <= minute < self.start + self.setup) or (
            self.end - self.takedown <= minute < self.end
        )

    def monitored_at(self, minute: int) -> bool:
        """True when the patient is monitored (in the chair, between set-up and take-down)."""
        return self.start + self.setup <= minute < self.end - self.takedown


def nurses_needed(exclusive: int, monitored: int, ratio: int) -> int:
    """Nurses a minute needs: one per exclusive task, plus ceil(monitored / ratio)."""
    if ratio < 1:
        raise ValueError("the nurse ratio is at least 1 patient per nurse")
    return exclusive + -(-monitored // ratio)


class DayLoad:
    """The day's tasks counted per minute: exclusive tasks and monitored patients.

    Built once per check from the day's sessions (difference arrays: linear in the sessions
    plus the day's minutes), then asked per minute in constant time.
    """

    def __init__(self, tasks: Iterable[NurseTask]) -> None:
        exclusive = [0] * (MINUTES_PER_DAY + 1)
        monitored = [0] * (MINUTES_PER_DAY + 1)
        for task in tasks:
            for counts, start, end in (
                (exclusive, task.start, task.start + task.setup),
                (exclusive, task.end - task.takedown, task.end),
                (monitored, task.start + task.setup, task.end - task.takedown),
            ):
                if start < end:
                    counts[start] += 1
                    counts[end] -= 1
        self.exclusive = _running(exclusive)
        self.monitored = _running(monitored)

    def need(self, minute: int, ratio: int, extra: NurseTask | None = None) -> int:
        """Nurses needed at ``minute``, with ``extra`` added to the day when given."""
        exclusive = self.exclusive[minute]
        monitored = self.monitored[minute]
        if extra is not None:
            exclusive += extra.exclusive_at(minute)
            monitored += extra.monitored_at(minute)
        return nurses_needed(exclusive, monitored, ratio)


def _running(deltas: list[int]) -> list[int]:
    total, out = 0, []
    for delta in deltas[:MINUTES_PER_DAY]:
        total += delta
        out.append(total)
    return out


@dataclass(frozen=True, slots=True)
class DayRota:
    """The day's shifts and the clinic's ratio. No shift: no rota (not nurse-checked)."""

    shifts: tuple[NurseShift, ...]
    ratio: int

    @property
    def configured(self) -> bool:
        """True when the day has a rota, so its bookings are nurse-checked."""
        return bool(self.shifts)

    def on_duty(self, minute: int) -> int:
        """How many nurses are on duty at ``minute``."""
        return sum(shift.on_duty(minute) for shift in self.shifts)

    def duty_curve(self) -> list[int]:
        """Nurses on duty for every minute of the day (counted with difference arrays: each
        booking check asks it, and minute by minute it cost ~5 ms)."""
        deltas = [0] * (MINUTES_PER_DAY + 1)
        for shift in self.shifts:
            deltas[shift.start] += 1
            deltas[shift.end] -= 1
            for b_start, b_end in shift.breaks:
                deltas[b_start] -= 1
                deltas[b_end] += 1
        return _running(deltas)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A minute where a session would need more nurses than are on duty."""

    minute: int
    need: int
    on_duty: int
    # True when the minute falls in the new session's set-up (it cannot be *started* then).
    in_setup: bool


def first_shortfall(
    rota: DayRota, existing: Sequence[NurseTask], new: NurseTask
) -> Shortfall | None:
    """The first minute of ``new`` where adding it breaks the invariant, or None.

    A minute already over capacity before the new session (a nurse called in sick after the
    day was booked) refuses the new session only if it adds to that minute's need: the
    invariant is never made worse, and a booking elsewhere in the day is not held hostage.
    A day without a rota has no shortfall (not nurse-checked).
    """
    return DayCapacity(rota, existing).shortfall(new)


class DayCapacity:
    """A day's rota and booked tasks, counted once, asked for many candidate sessions (the
    slot finder asks it for every start it considers)."""

    def __init__(self, rota: DayRota, existing: Sequence[NurseTask]) -> None:
        self.rota = rota
        self.load = DayLoad(existing)
        self.duty = rota.duty_curve() if rota.configured else []

    def shortfall(self, new: NurseTask) -> Shortfall | None:
        """The first minute where adding ``new`` breaks the invariant (first_shortfall)."""
        if not self.rota.configured:
            return None
        ratio, duty = self.rota.ratio, self.duty
        for minute in range(new.start, new.end):
            need = self.load.need(minute, ratio, new)
            if need > duty[minute] and need > self.load.need(minute, ratio):
                return Shortfall(minute, need, duty[minute], minute < new.start + new.setup)
        return None

    def next_free_start(self, new: NurseTask, *, step: int, latest_start: int) -> int | None:
        """The first start after ``new.start`` on its ``step`` grid, up to ``latest_start``,
        where ``new`` fits (next_free_start)."""
        if step < 1:
            raise ValueError("step is at least one minute")
        start = new.start + step
        while start <= latest_start and start + (new.end - new.start) <= MINUTES_PER_DAY:
            if self.shortfall(new.moved_to(start)) is None:
                return start
            start += step
        return None


def next_free_start(
    rota: DayRota,
    existing: Sequence[NurseTask],
    new: NurseTask,
    *,
    step: int,
    latest_start: int,
) -> int | None:
    """The first start after ``new.start``, on a ``step``-minute grid from it, no later than
    ``latest_start``, where ``new`` fits the invariant; None when none does that day."""
    return DayCapacity(rota, existing).next_free_start(new, step=step, latest_start=latest_start)


@dataclass(frozen=True, slots=True)
class LoadPoint:
    """One minute of the day's nurse load: tasks, monitored patients, need and nurses."""

    minute: int
    exclusive: int
    monitored: int
    need: int
    on_duty: int

    @property
    def over(self) -> bool:
        """True when the minute needs more nurses than are on duty."""
        return self.need > self.on_duty


def load_curve(
    rota: DayRota, tasks: Sequence[NurseTask], first: int, last: int, *, step: int = 1
) -> list[LoadPoint]:
    """The load at every ``step``-th minute from ``first`` up to (not including) ``last``."""
    load = DayLoad(tasks)
    duty = rota.duty_curve()
    return [
        LoadPoint(
            minute,
            load.exclusive[minute],
            load.monitored[minute],
            load.need(minute, rota.ratio),
            duty[minute],
        )
        for minute in range(max(0, first), min(MINUTES_PER_DAY, last), step)
    ]


def hhmm(minute: int) -> str:
    """``minute`` of the day as HH:MM."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def shortfall_message(shortfall: Shortfall, start: int, next_start: int | None) -> str:
    """The conflict as the desk reads it, naming the time and the next free start.

    "no nurse free to start an infusion at 09:00 (3 nurses needed, 2 on duty); 09:15 is free"
    """
    plural = "" if shortfall.need == 1 else "s"
    counts = f"({shortfall.need} nurse{plural} needed, {shortfall.on_duty} on duty)"
    if shortfall.in_setup:
        head = f"no nurse free to start an infusion at {hhmm(start)} {counts}"
    else:
        head = (
            f"no nurse free at {hhmm(shortfall.minute)} for an infusion starting at "
            f"{hhmm(start)} {counts}"
        )
    if next_start is None:
        return f"{head}; no later start is free for the nurses that day"
    return f"{head}; {hhmm(next_start)} is free"
