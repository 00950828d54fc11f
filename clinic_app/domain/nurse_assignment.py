"""Which nurse looks after which session, for one day (issue 14).

A session is three parts: its set-up and take-down (one nurse, exclusively) and its
monitoring in between (a nurse watches up to ``ratio`` patients at once). The day is cut at
every point where something starts or ends (a part, a shift, a break); inside each piece of
time the same nurses are on duty and the same parts are active, and each part is given a
nurse:

- a set-up or take-down takes a free nurse on duty: the session's current nurse if she is
  free, else the one with the fewest monitored patients to hand over, then the least work;
- each monitored patient stays with the nurse who has them if she is still free to monitor
  and has room, else goes to the nurse on duty (not busy with a set-up or take-down) who
  already monitors the most patients with room left (packing keeps nurses free for set-ups),
  then the one with the least work.

Whenever the day keeps the nurse invariant (``nurse_capacity``) at a minute, every active
part gets a nurse there; where it does not, the parts left over get no nurse (``None``) and
the screen shows them. A nurse is never given a part outside her shift or during a break,
never two exclusive parts at once, never a monitored patient while busy with a set-up or
take-down, and never more than ``ratio`` monitored patients.

Work is counted in nurse-minutes: an exclusive minute is 1, a monitored patient-minute is
1/ratio. A hand-off is a change of nurse within one session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from clinic_app.domain.nurse_capacity import NurseShift, NurseTask

SETUP = "set-up"
MONITOR = "monitoring"
TAKEDOWN = "take-down"


@dataclass(frozen=True, slots=True)
class CarePiece:
    """One session's part, over ``[start, end)``, in the care of ``nurse_id`` (None: no
    nurse free then)."""

    session_id: int
    start: int
    end: int
    kind: str
    nurse_id: int | None


@dataclass(frozen=True, slots=True)
class DayAssignment:
    """The day's care pieces, by session and time, and what they add up to."""

    pieces: tuple[CarePiece, ...]
    ratio: int

    def of_session(self, session_id: int) -> list[CarePiece]:
        """The session's pieces in time order."""
        return [p for p in self.pieces if p.session_id == session_id]

    def primary(self, session_id: int) -> int | None:
        """The nurse with the most minutes of the session (the earliest on a tie)."""
        minutes: dict[int, int] = {}
        for piece in self.of_session(session_id):
            if piece.nurse_id is not None:
                minutes[piece.nurse_id] = minutes.get(piece.nurse_id, 0) + piece.end - piece.start
        if not minutes:
            return None
        return max(minutes, key=lambda nurse: minutes[nurse])

    def handoffs(self, session_id: int) -> int:
        """How many times the session changes nurse."""
        nurses = [p.nurse_id for p in self.of_session(session_id)]
        return sum(1 for a, b in pairwise(nurses) if a != b)

    def total_handoffs(self) -> int:
        """Hand-offs over every session of the day."""
        return sum(self.handoffs(sid) for sid in {p.session_id for p in self.pieces})

    def work(self) -> dict[int, Fraction]:
        """Nurse-minutes per nurse: exclusive minutes count 1, monitored ones 1/ratio."""
        out: dict[int, Fraction] = {}
        for piece in self.pieces:
            if piece.nurse_id is None:
                continue
            weight = Fraction(1, self.ratio) if piece.kind == MONITOR else Fraction(1)
            out[piece.nurse_id] = out.get(piece.nurse_id, Fraction(0)) + weight * (
                piece.end - piece.start
            )
        return out

    def uncovered(self) -> list[CarePiece]:
        """Pieces no nurse was free for (the day is over capacity there)."""
        return [p for p in self.pieces if p.nurse_id is None]

    def sessions_of(self, nurse_id: int) -> list[int]:
        """The sessions the nurse has any part of, in the order she first has them."""
        seen: dict[int, int] = {}
        for piece in sorted(self.pieces, key=lambda p: (p.start, p.session_id)):
            if piece.nurse_id == nurse_id:
                seen.setdefault(piece.session_id, piece.start)
        return list(seen)


def _parts(task: NurseTask) -> list[tuple[int, int, str]]:
    parts = [
        (task.start, task.start + task.setup, SETUP),
        (task.start + task.setup, task.end - task.takedown, MONITOR),
        (task.end - task.takedown, task.end, TAKEDOWN),
    ]
    return [(a, b, kind) for a, b, kind in parts if a < b]


def assign_nurses(
    shifts: Sequence[NurseShift],
    tasks: Sequence[NurseTask],
    ratio: int,
    *,
    preferred: Mapping[int, int] | None = None,
) -> DayAssignment:
    """Give every part of every session (``tasks`` with a session id) a nurse on duty.

    ``preferred``: a nurse chosen for a session (a stored reassignment), kept whenever she is
    free for it; otherwise the session starts with whoever the rules above pick.
    """
    if ratio < 1:
        raise ValueError("the nurse ratio is at least 1 patient per nurse")
    parts: list[tuple[int, int, str, int]] = []
    for task in tasks:
        if task.session_id is None:
            raise ValueError("a task to assign needs its session id")
        parts.extend((a, b, kind, task.session_id) for a, b, kind in _parts(task))
    points = {0}
    for a, b, _kind, _sid in parts:
        points.update((a, b))
    for shift in shifts:
        points.update((shift.start, shift.end))
        for b_start, b_end in shift.breaks:
            points.update((b_start, b_end))
    cuts = sorted(points)
    current: dict[int, int | None] = dict(preferred or {})
    work: dict[int, Fraction] = {shift.nurse_id: Fraction(0) for shift in shifts}
    pieces: list[CarePiece] = []
    for t0, t1 in pairwise(cuts):
        active = [p for p in parts if p[0] <= t0 and t1 <= p[1]]
        if not active:
            continue
        on = [s.nurse_id for s in shifts if s.on_duty(t0)]
        given = _assign_piece(active, on, ratio, current, work)
        length = t1 - t0
        for (_a, _b, kind, sid), nurse in given:
            pieces.append(CarePiece(sid, t0, t1, kind, nurse))
            if nurse is not None:
                weight = Fraction(1, ratio) if kind == MONITOR else Fraction(1)
                work[nurse] += weight * length
                current[sid] = nurse
    return DayAssignment(tuple(_merged(pieces)), ratio)


def _assign_piece(
    active: list[tuple[int, int, str, int]],
    on: list[int],
    ratio: int,
    current: dict[int, int | None],
    work: dict[int, Fraction],
) -> list[tuple[tuple[int, int, str, int], int | None]]:
    exclusive = sorted((p for p in active if p[2] != MONITOR), key=lambda p: (p[0], p[3]))
    monitored = sorted((p for p in active if p[2] == MONITOR), key=lambda p: (p[0], p[3]))
    # Who monitors whom right now, before this piece: the hand-overs a choice would cause.
    watching = {nurse: 0 for nurse in on}
    for part in monitored:
        nurse = current.get(part[3])
        if nurse in watching:
            watching[nurse] += 1
    free = set(on)
    out: list[tuple[tuple[int, int, str, int], int | None]] = []
    for part in exclusive:
        own = current.get(part[3])
        if own in free:
            chosen: int | None = own
        elif free:
            chosen = min(free, key=lambda n: (watching[n], work[n], n))
        else:
            chosen = None
        if chosen is not None:
            free.discard(chosen)
        out.append((part, chosen))
    count = {nurse: 0 for nurse in free}
    waiting = []
    for part in monitored:
        own = current.get(part[3])
        if own in count and count[own] < ratio:
            count[own] += 1
            out.append((part, own))
        else:
            waiting.append(part)
    for part in waiting:
        room = [n for n in count if count[n] < ratio]
        if not room:
            out.append((part, None))
            continue
        chosen = min(room, key=lambda n: (-count[n], work[n], n))
        count[chosen] += 1
        out.append((part, chosen))
    return out


def _merged(pieces: list[CarePiece]) -> list[CarePiece]:
    """Adjacent pieces of one session, part and nurse joined into one."""
    out: list[CarePiece] = []
    last: dict[int, int] = {}
    for piece in sorted(pieces, key=lambda p: (p.session_id, p.start)):
        index = last.get(piece.session_id)
        if index is not None:
            prev = out[index]
            if (prev.end, prev.kind, prev.nurse_id) == (piece.start, piece.kind, piece.nurse_id):
                out[index] = CarePiece(
                    prev.session_id, prev.start, piece.end, prev.kind, prev.nurse_id
                )
                continue
        last[piece.session_id] = len(out)
        out.append(piece)
    return sorted(out, key=lambda p: (p.start, p.session_id))
