"""The clinic's time zone, opening hours and closed dates, and local-time helpers.

Times are timezone-aware in the clinic's zone for people and stored in UTC. A local
wall-clock time that does not exist (the hour skipped when clocks go forward) is refused
rather than silently shifted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class CalendarError(ValueError):
    """A time that cannot be used: unknown zone, non-existent local time, bad hours."""


class NonexistentTimeError(CalendarError):
    """A wall-clock time the clinic's clocks skip (the hour lost when they go forward)."""


# The clinic's calendar: every date a person enters (a date of birth, an outside dose, a
# booking, a report's range) lies in these years. Far enough back for any living patient's
# birth, far enough ahead for any booking; and a rule's longest period (a century, see
# rule_parameters) added to either end stays far inside what Python's dates, the clinic's
# zone arithmetic and both databases can represent.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


# The longest period the clinic works with (a rule's window, the gap between a series' doses):
# a century, measured in average calendar days.
LONGEST_PERIOD_DAYS = 36_525
_AVERAGE_DAYS = {"years": 365.25, "months": 365.25 / 12, "weeks": 7.0, "days": 1.0}


def longer_than_a_century(
    *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0
) -> bool:
    """True when the period (in calendar units, counted on average) exceeds a century."""
    total = sum(
        abs(count) * _AVERAGE_DAYS[unit]
        for unit, count in (("years", years), ("months", months), ("weeks", weeks), ("days", days))
    )
    return total > LONGEST_PERIOD_DAYS


def outside_calendar(day: date) -> str | None:
    """Why ``day`` is outside the clinic's calendar, or None when it lies inside."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return (
        f"{day.isoformat()} is outside the clinic's calendar "
        f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
    )


def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; CalendarError names the problem when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(f"unknown time zone {name!r} (expected e.g. Europe/London)") from None


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Hours on one weekday (0 = Monday): open from ``opens`` until ``closes``."""

    weekday: int
    opens: time
    closes: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise CalendarError(f"weekday {self.weekday} is not 0 (Monday) to 6 (Sunday)")
        if self.opens >= self.closes:
            raise CalendarError(
                f"{WEEKDAY_NAMES[self.weekday]}: opening time {self.opens:%H:%M} "
                f"is not before closing time {self.closes:%H:%M}"
            )


@dataclass(frozen=True)
class ClinicCalendar:
    """When the clinic is open, in its own time zone."""

    timezone: str
    hours: tuple[OpeningHours, ...]
    closed_dates: frozenset[date] = frozenset()
    _by_weekday: Mapping[int, OpeningHours] = field(init=False, repr=False, compare=False)
    # The zone, looked up once (local() and local_day() run ~450 times a booking check).
    _tz: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tz", zone(self.timezone))
        by_day: dict[int, OpeningHours] = {}
        for h in self.hours:
            if h.weekday in by_day:
                raise CalendarError(f"{WEEKDAY_NAMES[h.weekday]} has opening hours twice")
            by_day[h.weekday] = h
        object.__setattr__(self, "_by_weekday", by_day)

    @property
    def tz(self) -> ZoneInfo:
        """The clinic's zone."""
        return self._tz

    @classmethod
    def weekdays(
        cls, timezone: str, opens: time = time(8), closes: time = time(18)
    ) -> ClinicCalendar:
        """Monday to Friday with the same hours: a new clinic's default."""
        return cls(timezone, tuple(OpeningHours(d, opens, closes) for d in range(5)))

    def hours_on(self, day: date) -> OpeningHours | None:
        """Opening hours for ``day``, or None when the clinic is closed that day."""
        if day in self.closed_dates:
            return None
        return self._by_weekday.get(day.weekday())

    def is_open_day(self, day: date) -> bool:
        """True when the clinic opens on ``day``."""
        return self.hours_on(day) is not None

    def next_open_day(self, day: date, *, within_days: int = 366) -> date | None:
        """``day`` itself when the clinic opens then, else the first open day after it
        (within ``within_days``); None when the clinic opens on none of them."""
        for offset in range(within_days + 1):
            candidate = day + timedelta(days=offset)
            if self.is_open_day(candidate):
                return candidate
        return None

    def open_days(self, first: date, last: date) -> Iterator[date]:
        """Open days from ``first`` to ``last`` inclusive, in order."""
        day = first
        while day <= last:
            if self.is_open_day(day):
                yield day
            day += timedelta(days=1)

    def localize(self, naive: datetime) -> datetime:
        """A wall-clock time in the clinic's zone as an aware datetime.

        Refuses the local times skipped by a daylight-saving change. A time that happens
        twice (the hour repeated when clocks go back) is read by its ``fold`` (PEP 495):
        0 is the first occurrence, 1 the second. People's text goes through
        :meth:`wall_time_choices` instead, which does not guess.
        """
        if naive.tzinfo is not None:
            return naive.astimezone(self.tz)
        choices = self.wall_time_choices(naive)
        if not choices:
            raise NonexistentTimeError(self._gap_message(naive))
        return choices[min(naive.fold, len(choices) - 1)]

    def wall_time_choices(self, naive: datetime) -> tuple[datetime, ...]:
        """Every aware moment that reads ``naive`` on the clinic's clocks, earliest first.

        None when the time is skipped (clocks go forward), one on an ordinary day, two in
        the hour repeated when clocks go back.
        """
        if naive.tzinfo is not None:
            raise CalendarError("wall_time_choices() takes a naive wall-clock time")
        return _wall_time_choices(self.timezone, naive.replace(fold=0))

    def _gap_message(self, naive: datetime) -> str:
        return (
            f"{naive:%Y-%m-%d %H:%M} does not exist in {self.timezone} "
            "(the clocks go forward over it)"
        )

    def at_or_after(self, naive: datetime) -> datetime:
        """The first moment whose wall-clock time is ``naive`` or later (aware, local).

        The time itself when it exists (its first occurrence when it happens twice);
        for a time the clocks skip, the moment they jump over it. Used for the start of a
        day and for opening and closing times, which exist even where midnight does not.
        """
        choices = self.wall_time_choices(naive)
        if choices:
            return choices[0]
        # Skipped: between the two readings of the wall time lies the jump. Search it to
        # the second; a transition is a whole number of seconds.
        low = naive.replace(tzinfo=self.tz, fold=1).astimezone(UTC)  # before the jump
        high = naive.replace(tzinfo=self.tz, fold=0).astimezone(UTC)  # after the jump
        low, high = min(low, high), max(low, high)
        while high - low > timedelta(seconds=1):
            middle = low + (high - low) / 2
            if middle.astimezone(self.tz).replace(tzinfo=None) >= naive:
                high = middle
            else:
                low = middle
        return high.replace(microsecond=0).astimezone(self.tz)

    def day_start(self, day: date) -> datetime:
        """The first moment of the local ``day`` (midnight, or later where clocks skip it)."""
        return self.at_or_after(datetime.combine(day, time(0)))

    def plus(self, moment: datetime, duration: timedelta) -> datetime:
        """``moment`` + ``duration`` of real elapsed time, shown in the clinic's zone.

        Python adds a timedelta to an aware datetime on the wall clock, so 01:30 + 60 min
        across the autumn change would last two real hours; here the sum is taken in UTC.
        """
        return (to_utc(moment) + duration).astimezone(self.tz)

    def local(self, moment: datetime) -> datetime:
        """An aware datetime shown in the clinic's zone."""
        if moment.tzinfo is None:
            raise CalendarError("a naive datetime has no zone; use localize() for wall-clock times")
        return moment.astimezone(self._tz)

    def local_day(self, moment: datetime) -> date:
        """The clinic-local calendar date of an aware moment."""
        if moment.tzinfo is None:
            raise CalendarError("a naive datetime has no zone; use localize() for wall-clock times")
        return moment.astimezone(self._tz).date()

    def open_interval(self, day: date) -> tuple[datetime, datetime] | None:
        """Aware opening and closing moments of ``day``, or None when closed.

        An opening or closing time the clocks skip is the moment they jump over it.
        """
        hours = self.hours_on(day)
        if hours is None:
            return None
        return (
            self.at_or_after(datetime.combine(day, hours.opens)),
            self.at_or_after(datetime.combine(day, hours.closes)),
        )

    def closed_reason(self, start: datetime, end: datetime) -> str | None:
        """Why an appointment from ``start`` to ``end`` cannot be held, or None if it can."""
        # Compare instants in UTC: same-zone comparison ignores ``fold`` in the repeated hour.
        if to_utc(end) <= to_utc(start):
            return "the end is not after the start"
        local_start, local_end = self.local(start), self.local(end)
        day = local_start.date()
        if day in self.closed_dates:
            return f"the clinic is closed on {day.isoformat()}"
        hours = self._by_weekday.get(day.weekday())
        if hours is None:
            return f"the clinic is closed on {WEEKDAY_NAMES[day.weekday()]}s"
        if local_end.date() != day:
            return "an appointment must end on the day it starts"
        if local_start.time() < hours.opens or local_end.time() > hours.closes:
            return (
                f"{local_start:%H:%M}-{local_end:%H:%M} is outside opening hours "
                f"({hours.opens:%H:%M}-{hours.closes:%H:%M} on {WEEKDAY_NAMES[day.weekday()]}s)"
            )
        return None


def to_utc(moment: datetime) -> datetime:
    """An aware datetime in UTC (for storage)."""
    zone = moment.tzinfo
    if zone is UTC:
        return moment  # stored instants are UTC already: ~1,300 a booking check
    if zone is None:
        raise CalendarError("refusing a naive datetime: times must carry their zone")
    return moment.astimezone(UTC)


def wall_time_is_ambiguous(moment: datetime) -> bool:
    """True when ``moment``'s wall-clock time happens twice in its zone (clocks go back).

    Such a time must be shown with its UTC offset or zone name to say which one it is.
    """
    if moment.tzinfo is None:
        raise CalendarError("a naive datetime has no zone")
    other = moment.replace(fold=1 - moment.fold)
    return other.utcoffset() != moment.utcoffset() and (
        other.astimezone(UTC).astimezone(moment.tzinfo).replace(tzinfo=None)
        == moment.replace(tzinfo=None)
    )


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals [a_start, a_end) and [b_start, b_end) share a moment."""
    return a_start < b_end and b_start < a_end


@lru_cache(maxsize=8192)
def _wall_time_choices(timezone: str, naive: datetime) -> tuple[datetime, ...]:
    """ClinicCalendar.wall_time_choices: pure in (zone, wall time), so remembered.

    A booking check asks ~300 times (the lab planner's slot grid) and every unit of work
    builds its own calendar, so the memo is per zone name, not per calendar. ``fold`` is
    cleared by the caller: the answer does not depend on it.
    """
    tz = zone(timezone)
    found: list[datetime] = []
    for fold in (0, 1):
        aware = naive.replace(tzinfo=tz, fold=fold)
        # A moment exists when its round trip through UTC gives the same wall time.
        try:
            back = aware.astimezone(UTC).astimezone(tz)
        except OverflowError:
            raise CalendarError(
                f"{naive:%Y-%m-%d %H:%M} is outside the dates the calendar can hold"
            ) from None
        if back.replace(tzinfo=None, fold=0) == naive.replace(fold=0) and not any(
            back.utcoffset() == f.utcoffset() for f in found
        ):
            found.append(back)
    return tuple(sorted(found, key=to_utc))
