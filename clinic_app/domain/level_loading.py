"""Level-loaded slot suggestions (issue 14): which of the offered starts keeps the day flat.

The slot finder offers the earliest safe starts; this module ranks them by how much each one
would raise the day's load, so the desk can see the earliest slot *and* the one that keeps
the nurses' day level. Pure: the day's booked nurse tasks, the candidate's task and the
clinic's expected demand come in, a score and a reason go out.

A candidate's score, compared in this order (lower is better):

1. how far it raises the day's peak of concurrent set-ups and take-downs (exclusive nurse
   minutes) in any 15-minute bucket;
2. how far it raises the day's peak of monitored patients in any 15-minute bucket;
3. how many minutes of the long infusions the clinic's history expects on that day would no
   longer fit in the chairs left free ("room for the long infusions");
4. the candidate's position in the finder's order (time order): ties go to the earliest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clinic_app.domain.nurse_capacity import DayLoad, NurseTask, hhmm

BUCKET_MINUTES = 15


@dataclass(frozen=True, slots=True)
class DayProfile:
    """One day's booked load per minute: set-ups/take-downs in progress and monitored
    patients, plus the chair-minutes still free and the long-infusion minutes the clinic
    expects that day but has not booked yet. Peaks are reported by their 15-minute slot."""

    setups: tuple[int, ...]
    monitored: tuple[int, ...]
    free_chair_minutes: int = 0
    expected_long_minutes: int = 0

    @classmethod
    def of(
        cls,
        tasks: Sequence[NurseTask],
        *,
        free_chair_minutes: int = 0,
        expected_long_minutes: int = 0,
    ) -> DayProfile:
        """The profile of the day whose booked sessions ask ``tasks`` of the nurses."""
        load = DayLoad(tasks)
        return cls(
            tuple(load.exclusive),
            tuple(load.monitored),
            free_chair_minutes,
            expected_long_minutes,
        )

    @property
    def setup_peak(self) -> int:
        """The day's highest count of concurrent set-ups/take-downs."""
        return max(self.setups, default=0)

    @property
    def monitored_peak(self) -> int:
        """The day's highest count of concurrently monitored patients."""
        return max(self.monitored, default=0)


@dataclass(frozen=True, slots=True, order=True)
class Score:
    """A candidate's score; compares lexicographically, lower is better."""

    setup_rise: int
    monitored_rise: int
    long_room_lost: int
    order: int


@dataclass(frozen=True, slots=True)
class Scored:
    """A scored candidate: its score, the day's peaks with it added, and where it starts."""

    score: Score
    start: int
    setup_peak: int
    setup_peak_at: int
    monitored_peak: int


def score(profile: DayProfile, task: NurseTask, order: int = 0) -> Scored:
    """How much adding ``task`` to the day of ``profile`` raises its load (``order`` breaks
    ties: the finder's position of the candidate, earliest first)."""
    # Only the candidate's own minutes change: the new peak is the old one or one more
    # than the busiest of those minutes (exact per minute, linear in the session's length).
    setup_minutes = [*range(task.start, task.start + task.setup)]
    setup_minutes += range(task.end - task.takedown, task.end)
    setup_peak, peak_at = profile.setup_peak, profile.setups.index(profile.setup_peak)
    for minute in setup_minutes:
        if profile.setups[minute] + 1 > setup_peak:
            setup_peak, peak_at = profile.setups[minute] + 1, minute
    monitored_peak = max(
        [profile.monitored_peak]
        + [
            profile.monitored[m] + 1
            for m in range(task.start + task.setup, task.end - task.takedown)
        ]
    )
    free_after = profile.free_chair_minutes - (task.end - task.start)
    expected = profile.expected_long_minutes
    lost = max(0, expected - max(0, free_after)) - max(0, expected - profile.free_chair_minutes)
    return Scored(
        Score(
            setup_peak - profile.setup_peak,
            monitored_peak - profile.monitored_peak,
            lost,
            order,
        ),
        task.start,
        setup_peak,
        peak_at - peak_at % BUCKET_MINUTES,
        monitored_peak,
    )


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The recommended candidate (its index in the offered list) and why, in words."""

    index: int
    reason: str


def recommend(candidates: Sequence[tuple[DayProfile, NurseTask]]) -> Recommendation | None:
    """The candidate that keeps its day flattest (ties: the earliest), or None if none.

    ``candidates`` are in the finder's order (earliest first), each with its day's profile.
    """
    if not candidates:
        return None
    scored = [score(profile, task, i) for i, (profile, task) in enumerate(candidates)]
    best = min(scored, key=lambda s: s.score)
    return Recommendation(best.score.order, reason_of(best, scored[0]))


def reason_of(best: Scored, earliest: Scored) -> str:
    """Why ``best`` is recommended, against the earliest candidate."""
    if best.score.setup_rise == 0:
        parts = [f"keeps the {hhmm(best.setup_peak_at)} set-up peak at {best.setup_peak}"]
    else:
        parts = [f"raises the set-up peak to {best.setup_peak} at {hhmm(best.setup_peak_at)}"]
    if best.score.monitored_rise == 0:
        parts.append(f"the monitoring peak stays at {best.monitored_peak}")
    else:
        parts.append(f"raises the monitoring peak to {best.monitored_peak}")
    if best.score.long_room_lost == 0 and earliest.score.long_room_lost > 0:
        parts.append("leaves room for the long infusions expected that day")
    if best.score.order == 0:
        parts.append("and it is the earliest")
    return "; ".join(parts)
