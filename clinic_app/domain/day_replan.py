"""The day-of re-plan (issue 14): sessions running late, a nurse off sick, a shift cut short.

Given the day's sessions (each with its expected times: a session running ``late`` minutes
starts and ends that much later, so whatever follows it on its chair may have to wait), the
day's rota as it now stands, the chairs and the opening hours, propose where every session
goes:

- a session that is not movable (arrived, in the chair, completed: the desk cannot move it)
  stays at its expected times;
- the movable ones (booked) keep their own chair and time wherever that still fits (taken in
  booked order: the fewest moves); the others, in booked order so an earlier patient gets
  the first pick, take the smallest delay left (on the ``step`` grid, never earlier than
  booked, never before ``not_before``) on their own chair first, then on another chair;
- "fits" means: the chair is free, the patient is not in another session, the session ends
  by closing time, and the nurse invariant is not made worse (``DayCapacity.shortfall``, the
  booking service's own check: a minute already over capacity because of sessions nobody
  can move is not held against the others);
- a session with no such place that day "needs a new day": listed, never dropped.

Finally every kept session gets its nurses (``assign_nurses``) on the rota as it stands.

Fewest moves comes first: a session that still fits stays, even when that makes a displaced
session booked before it wait behind it on a chair with no other free (its order on that
chair then changes; the change list shows the delay, and the desk may rebook instead).
Everything counts in minutes of the day, like ``nurse_capacity``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clinic_app.domain.nurse_assignment import DayAssignment, assign_nurses
from clinic_app.domain.nurse_capacity import DayCapacity, DayRota, NurseTask

# Why a session moves (or cannot stay that day).
LATE = "late"  # it runs late itself
CHAIR = "chair"  # its chair is taken then
PATIENT = "patient"  # its patient is still in another session
NURSE = "nurse"  # no nurse is free for it then
CLOSED = "closed"  # pushed past closing time


@dataclass(frozen=True, slots=True)
class DaySession:
    """One session of the day as booked, and what the day has done to it.

    ``late``: minutes it runs late (start and end shift by it); ``movable``: the desk may
    still move it (booked, not started).
    """

    session_id: int
    patient_id: int
    chair: str
    start: int
    end: int
    setup: int
    takedown: int
    movable: bool
    late: int = 0

    def __post_init__(self) -> None:
        if self.late < 0:
            raise ValueError(f"session {self.session_id}: late by {self.late} minutes")
        NurseTask(self.start, self.end, self.setup, self.takedown)  # checks the times

    @property
    def duration(self) -> int:
        """Minutes in the chair."""
        return self.end - self.start

    @property
    def expected_start(self) -> int:
        """When it starts, lateness included."""
        return self.start + self.late

    def task_at(self, start: int) -> NurseTask:
        """What it asks of the nurses when it starts at ``start``."""
        return NurseTask(start, start + self.duration, self.setup, self.takedown, self.session_id)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a session is in the proposal: ``reason`` says why it left its booked place
    (empty when it did not move)."""

    session_id: int
    chair: str
    start: int
    end: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DayReplan:
    """The proposal: every kept session's place (``placements``), the movable sessions it
    moves (``moved``, in booked order), those that need a new day (``new_day``, session id
    and the reason), and the nurses for the kept sessions (``assignment``)."""

    placements: tuple[Placement, ...]
    moved: tuple[Placement, ...]
    new_day: tuple[tuple[int, str], ...]
    assignment: DayAssignment

    def placement(self, session_id: int) -> Placement | None:
        """The session's place, or None when it needs a new day."""
        return next((p for p in self.placements if p.session_id == session_id), None)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def plan_day(
    sessions: Sequence[DaySession],
    chairs: Sequence[str],
    rota: DayRota,
    *,
    closes: int,
    not_before: int = 0,
    step: int = 5,
    preferred: Mapping[int, int] | None = None,
) -> DayReplan:
    """Propose the day's places and nurses (the module's rules); ``closes``: the minute the
    clinic closes; ``preferred``: nurses people chose for sessions (kept where free)."""
    if step < 1:
        raise ValueError("step is at least one minute")
    placed: list[tuple[DaySession, Placement]] = []
    for session in sessions:
        if not session.movable:
            start = session.expected_start
            placed.append(
                (
                    session,
                    Placement(session.session_id, session.chair, start, start + session.duration),
                )
            )
    moved: list[Placement] = []
    new_day: list[tuple[int, str]] = []
    order = sorted((s for s in sessions if s.movable), key=lambda s: (s.start, s.session_id))
    # First the sessions running late take their own chair at their expected time where it
    # is free, then every session that still fits where it is booked keeps its place (the
    # fewest moves); then the others, in booked order, take the smallest delay left.
    waiting: list[tuple[DaySession, str]] = []
    for session in sorted(order, key=lambda s: not s.late):
        at = session.expected_start
        why = _obstacle(session, session.chair, at, placed, rota, closes)
        if session.late and at < not_before:
            why = LATE  # a move starts from now on
        if why:
            waiting.append((session, LATE if session.late else why))
            continue
        spot = Placement(
            session.session_id,
            session.chair,
            at,
            at + session.duration,
            LATE if session.late else "",
        )
        placed.append((session, spot))
        if session.late:
            moved.append(spot)
    waiting.sort(key=lambda item: (item[0].start, item[0].session_id))
    for session, why in waiting:
        found = _place(session, why, placed, chairs, rota, closes, not_before, step)
        if found is None:
            new_day.append((session.session_id, why))
            continue
        placed.append((session, found))
        moved.append(found)
    moved.sort(key=lambda p: (p.start, p.session_id))
    tasks = [s.task_at(p.start) for s, p in placed]
    assignment = assign_nurses(rota.shifts, tasks, rota.ratio, preferred=preferred)
    placements = tuple(sorted((p for _s, p in placed), key=lambda p: (p.start, p.session_id)))
    return DayReplan(placements, tuple(moved), tuple(new_day), assignment)


def _obstacle(
    session: DaySession,
    chair: str,
    start: int,
    placed: Sequence[tuple[DaySession, Placement]],
    rota: DayRota,
    closes: int,
    capacity: DayCapacity | None = None,
) -> str:
    """Why ``session`` cannot start at ``start`` on ``chair`` beside ``placed`` (empty: it
    can). ``capacity``: the placed sessions' nurse load, when already counted."""
    end = start + session.duration
    if end > closes:
        return CLOSED
    for other, spot in placed:
        if spot.chair == chair and _overlaps(start, end, spot.start, spot.end):
            return CHAIR
        if other.patient_id == session.patient_id and _overlaps(start, end, spot.start, spot.end):
            return PATIENT
    if capacity is None:
        capacity = DayCapacity(rota, [s.task_at(p.start) for s, p in placed])
    if capacity.shortfall(session.task_at(start)) is not None:
        return NURSE
    return ""


def _place(
    session: DaySession,
    why: str,
    placed: Sequence[tuple[DaySession, Placement]],
    chairs: Sequence[str],
    rota: DayRota,
    closes: int,
    not_before: int,
    step: int,
) -> Placement | None:
    """The smallest delay (own chair first, then the others) where the session fits, never
    earlier than it is expected; None when none is left that day."""
    capacity = DayCapacity(rota, [s.task_at(p.start) for s, p in placed])
    first = max(session.expected_start, not_before)
    if first > session.expected_start:
        # Onto the step grid from the booked start, so proposed times stay round.
        first += -(first - session.start) % step
    others = [c for c in chairs if c != session.chair]
    start = first
    while start + session.duration <= closes:
        for chair in (session.chair, *others):
            if not _obstacle(session, chair, start, placed, rota, closes, capacity):
                return Placement(session.session_id, chair, start, start + session.duration, why)
        start += step
    return None
