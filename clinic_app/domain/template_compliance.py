"""How far one day's bookings follow the stored weekly slot template (issue 14).

A template start says "``count`` sessions of this kind start at this minute". A booked
session *fills* a template start when it starts at that minute and is of that kind (its
chair, set-up and take-down minutes); once a start's count is filled, more sessions there
are off the template. Everything else booked that day is off the template too, a session
of a therapy the catalog no longer knows (kind ``None``) included.

Pure: minutes of the local day and session kinds in, counts out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from clinic_app.domain.template_solver import SessionKind

StartKey = tuple[int, SessionKind]
"""(minute of the local day, kind): where the template starts sessions of one kind."""


@dataclass(frozen=True, slots=True)
class TemplateStart:
    """``count`` sessions of ``kind`` that the template starts at ``minute`` of the day."""

    minute: int
    kind: SessionKind
    count: int


@dataclass(frozen=True, slots=True)
class BookedStart:
    """A booked session as the template sees it: its local start minute and its kind."""

    minute: int
    kind: SessionKind | None


@dataclass(frozen=True, slots=True)
class StartUse:
    """One template start and how many of its sessions are booked (``filled`` <= planned)."""

    minute: int
    kind: SessionKind
    planned: int
    filled: int

    @property
    def room(self) -> int:
        """Sessions of this kind the start still takes."""
        return self.planned - self.filled


@dataclass(frozen=True, slots=True)
class DayCompliance:
    """One day against its template: the starts' use, and the booked sessions off it."""

    uses: tuple[StartUse, ...]
    off_template: int

    @property
    def planned(self) -> int:
        """Template sessions of the day."""
        return sum(u.planned for u in self.uses)

    @property
    def filled(self) -> int:
        """Booked sessions that took a template start of their kind."""
        return sum(u.filled for u in self.uses)


def planned_by_start(starts: Iterable[TemplateStart]) -> dict[StartKey, int]:
    """The template's count per (minute, kind); a start listed twice counts once, summed."""
    planned: Counter[StartKey] = Counter()
    for start in starts:
        if start.count < 0:
            raise ValueError("a template start cannot plan a negative count")
        planned[(start.minute, start.kind)] += start.count
    return {key: n for key, n in planned.items() if n > 0}


def match_day(starts: Iterable[TemplateStart], booked: Iterable[BookedStart]) -> DayCompliance:
    """Match ``booked`` sessions to the template ``starts`` of one day (see the module)."""
    planned = planned_by_start(starts)
    at: Counter[tuple[int, SessionKind | None]] = Counter((b.minute, b.kind) for b in booked)
    uses = tuple(
        StartUse(minute, kind, count, min(count, at[(minute, kind)]))
        for (minute, kind), count in sorted(planned.items())
    )
    filled = sum(u.filled for u in uses)
    return DayCompliance(uses, sum(at.values()) - filled)
