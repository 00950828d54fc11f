"""Chair utilisation of a period, aggregated from plain facts: pure, no database, no clock.

Definitions (the README documents them for managers):

* **available** chair-minutes of a day = the day's opening hours x the chairs active now; a
  closed date or a weekday without opening hours has none;
* **booked** chair-minutes = the chair time of every session that was not cancelled (no-shows
  count: the chair was held for them; their minutes are also reported on their own);
* **no-show rate** = no-shows / sessions whose day has come (arrived, in chair, completed or
  no-show); booked sessions still to come and cancelled ones are left out;
* **co-therapy findings** are the findings of the iron/antiresorptive rules (E2, E3, E4, E7);
  findings and overrides are counted on the month of the session they belong to.

The service reads the facts (sessions, findings, chairs) and hands them to
:func:`build_utilisation`, which returns the report as plain values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.rules_cotherapy import is_cotherapy_rule

ATTENDED_STATUSES = frozenset({"arrived", "in-chair", "completed"})


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class _ChairHours:
    """Chair-hours and utilisation derived from ``available_minutes`` and ``booked_minutes``
    (fields of the records, or properties of the whole period)."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by each subclass, as a field or a property

        @property
        def available_minutes(self) -> int: ...

        @property
        def booked_minutes(self) -> int: ...

    @property
    def available_hours(self) -> float:
        """Available chair-hours (opening hours x active chairs)."""
        return self.available_minutes / 60

    @property
    def booked_hours(self) -> float:
        """Booked chair-hours (no-shows included)."""
        return self.booked_minutes / 60

    @property
    def utilisation(self) -> float | None:
        """Booked / available, or None when nothing was available (closed day, idle chair)."""
        return _ratio(self.booked_minutes, self.available_minutes)


@dataclass(frozen=True, slots=True)
class ChairDay(_ChairHours):
    """One chair on one day."""

    day: date
    chair_id: int
    chair: str
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int


@dataclass(frozen=True, slots=True)
class DayUtilisation(_ChairHours):
    """One day of the clinic, every chair together, with the per-chair breakdown."""

    day: date
    open: bool
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int
    chairs: tuple[ChairDay, ...]


@dataclass(frozen=True, slots=True)
class ChairUtilisation(_ChairHours):
    """One chair over the whole period."""

    chair_id: int
    chair: str
    active: bool
    available_minutes: int
    booked_minutes: int
    no_show_minutes: int
    sessions: int


@dataclass(frozen=True, slots=True)
class TherapyCount:
    """Sessions of one therapy in the period, by outcome."""

    therapy: str
    therapy_name: str
    sessions: int  # not cancelled (booked, arrived, in chair, completed, no-show)
    completed: int
    no_shows: int
    cancelled: int


@dataclass(frozen=True, slots=True)
class MonthFindings:
    """Co-therapy findings and clinical overrides on the sessions of one month."""

    month: date  # the first of the month
    sessions_flagged: int  # sessions with at least one co-therapy finding
    cotherapy_findings: int
    overrides: int  # every overridden finding (any rule)
    cotherapy_overrides: int

    @property
    def label(self) -> str:
        """``YYYY-MM``."""
        return self.month.strftime("%Y-%m")


@dataclass(frozen=True, slots=True)
class Utilisation(_ChairHours):
    """The utilisation report of a period, as plain values."""

    clinic_name: str
    first: date
    last: date
    days: tuple[DayUtilisation, ...]
    chairs: tuple[ChairUtilisation, ...]
    therapies: tuple[TherapyCount, ...]
    months: tuple[MonthFindings, ...]
    sessions: int  # not cancelled
    cancelled: int
    attended: int  # arrived, in chair or completed
    no_shows: int

    @property
    def available_minutes(self) -> int:
        """Chair-minutes available over the period."""
        return sum(d.available_minutes for d in self.days)

    @property
    def booked_minutes(self) -> int:
        """Chair-minutes booked over the period (no-shows included)."""
        return sum(d.booked_minutes for d in self.days)

    @property
    def no_show_rate(self) -> float | None:
        """No-shows / sessions whose day has come (None when none has)."""
        return _ratio(self.no_shows, self.attended + self.no_shows)

    @property
    def open_days(self) -> tuple[DayUtilisation, ...]:
        """The days the clinic was open (for charts)."""
        return tuple(d for d in self.days if d.open)


# --- the facts the service reads ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChairFacts:
    """A chair as the report needs it (inactive chairs included: they may hold history)."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """One session of the period: its local day, chair, therapy, chair minutes and status."""

    day: date
    chair_id: int
    therapy: str
    minutes: int
    status: str


@dataclass(frozen=True, slots=True)
class FindingFacts:
    """One stored finding of a session (not cancelled) of the period."""

    session_id: int
    day: date  # the session's local day
    rule: str
    overridden: bool


@dataclass
class SessionTally:
    """Sessions counted per (day, chair), per therapy and per status, in one pass."""

    booked: Counter[tuple[date, int]] = field(default_factory=Counter)
    no_show: Counter[tuple[date, int]] = field(default_factory=Counter)
    counts: Counter[tuple[date, int]] = field(default_factory=Counter)
    by_therapy: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    statuses: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, sessions: Iterable[SessionFacts]) -> SessionTally:
        """Count ``sessions`` (consumed once: the service streams them)."""
        tally = cls()
        for fact in sessions:
            tally.statuses[fact.status] += 1
            tally.by_therapy[fact.therapy][fact.status] += 1
            if fact.status == "cancelled":
                continue
            key = (fact.day, fact.chair_id)
            tally.booked[key] += fact.minutes
            tally.counts[key] += 1
            if fact.status == "no-show":
                tally.no_show[key] += fact.minutes
        return tally


# --- aggregation -----------------------------------------------------------------------------


def shown_chairs(chairs: Sequence[ChairFacts], tally: SessionTally) -> list[ChairFacts]:
    """The chairs the report shows: every active one, and inactive ones that held sessions."""
    used_ids = {chair_id for _, chair_id in tally.counts}
    return [c for c in chairs if c.active or c.id in used_ids]


def open_minutes(calendar: ClinicCalendar, day: date) -> int | None:
    """Minutes the clinic is open on ``day`` (real elapsed time), or None when closed."""
    interval = calendar.open_interval(day)
    if interval is None:
        return None
    return round((interval[1] - interval[0]).total_seconds() / 60)


def day_utilisation(
    day: date, minutes_open: int | None, chairs: Sequence[ChairFacts], tally: SessionTally
) -> DayUtilisation:
    """One day, every shown chair: available only on active chairs of an open day."""
    per_chair = minutes_open or 0
    chair_days = tuple(
        ChairDay(
            day,
            c.id,
            c.name,
            per_chair if c.active else 0,
            tally.booked[(day, c.id)],
            tally.no_show[(day, c.id)],
            tally.counts[(day, c.id)],
        )
        for c in chairs
    )
    return DayUtilisation(
        day,
        minutes_open is not None,
        sum(cd.available_minutes for cd in chair_days),
        sum(cd.booked_minutes for cd in chair_days),
        sum(cd.no_show_minutes for cd in chair_days),
        sum(cd.sessions for cd in chair_days),
        chair_days,
    )


def chair_totals(
    chairs: Sequence[ChairFacts], days: Sequence[DayUtilisation]
) -> tuple[ChairUtilisation, ...]:
    """Each shown chair over the period (the days list the chairs in the same order)."""
    return tuple(
        ChairUtilisation(
            c.id,
            c.name,
            c.active,
            sum(d.chairs[i].available_minutes for d in days),
            sum(d.chairs[i].booked_minutes for d in days),
            sum(d.chairs[i].no_show_minutes for d in days),
            sum(d.chairs[i].sessions for d in days),
        )
        for i, c in enumerate(chairs)
    )


def therapy_counts(tally: SessionTally, name_of: Callable[[str], str]) -> tuple[TherapyCount, ...]:
    """Sessions per therapy by outcome, the busiest first (then by name)."""
    return tuple(
        sorted(
            (
                TherapyCount(
                    code,
                    name_of(code),
                    sum(n for status, n in counts.items() if status != "cancelled"),
                    counts["completed"],
                    counts["no-show"],
                    counts["cancelled"],
                )
                for code, counts in tally.by_therapy.items()
            ),
            key=lambda t: (-t.sessions, t.therapy_name),
        )
    )


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month that ``first``..``last`` touches."""
    month = first.replace(day=1)
    result = []
    while month <= last:
        result.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return result


def month_findings(
    facts: Iterable[FindingFacts], first: date, last: date
) -> tuple[MonthFindings, ...]:
    """Every month of the period, with its co-therapy findings and overrides."""
    flagged: dict[date, set[int]] = defaultdict(set)
    findings: Counter[date] = Counter()
    overrides: Counter[date] = Counter()
    co_overrides: Counter[date] = Counter()
    for fact in facts:
        month = fact.day.replace(day=1)
        co = is_cotherapy_rule(fact.rule)
        if co:
            flagged[month].add(fact.session_id)
            findings[month] += 1
        if fact.overridden:
            overrides[month] += 1
            if co:
                co_overrides[month] += 1
    return tuple(
        MonthFindings(m, len(flagged[m]), findings[m], overrides[m], co_overrides[m])
        for m in month_starts(first, last)
    )


def build_utilisation(
    *,
    clinic_name: str,
    first: date,
    last: date,
    calendar: ClinicCalendar,
    chairs: Sequence[ChairFacts],
    tally: SessionTally,
    months: tuple[MonthFindings, ...],
    therapy_name: Callable[[str], str],
) -> Utilisation:
    """The report from ``first`` to ``last`` inclusive, from counted facts."""
    shown = shown_chairs(chairs, tally)
    days = []
    day = first
    while day <= last:
        days.append(day_utilisation(day, open_minutes(calendar, day), shown, tally))
        day += timedelta(days=1)
    statuses = tally.statuses
    return Utilisation(
        clinic_name=clinic_name,
        first=first,
        last=last,
        days=tuple(days),
        chairs=chair_totals(shown, days),
        therapies=therapy_counts(tally, therapy_name),
        months=months,
        sessions=sum(n for status, n in statuses.items() if status != "cancelled"),
        cancelled=statuses["cancelled"],
        attended=sum(statuses[s] for s in ATTENDED_STATUSES),
        no_shows=statuses["no-show"],
    )
