"""Calendar arithmetic for the rules: calendar months, weeks and days on local dates.

Months follow ``dateutil.relativedelta``: a day past the end of the target month is clipped to
its last day (31 Jan + 1 month = 28 or 29 Feb; 29 Feb + 12 months = 28 Feb). Weeks and days are
plain ``timedelta`` steps. Every period in the rule engine is counted forward from the earlier
date, so "24 months after a dose" is one well-defined day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

# The stubs (types-python-dateutil) are not a project dependency; without them the import is
# untyped, with them the ignore is unused. Both are fine.
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]


# Pure and called with few distinct arguments (the rule periods against the patient's dose
# days) thousands of times per slot search: relativedelta is ~10 us a call, a hit ~0.1 us.
@lru_cache(maxsize=65536)
def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clipped to the end of the target month."""
    moved: date = day + relativedelta(months=months)
    return moved


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


@dataclass(frozen=True, slots=True)
class Period:
    """A rule's period: calendar months, then weeks, then days (all >= 0)."""

    months: int = 0
    weeks: int = 0
    days: int = 0
    # The weeks and days as one step, made once (a heavy booking check asks ~280 periods).
    _step: timedelta = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_step", timedelta(weeks=self.weeks, days=self.days))

    def after(self, day: date) -> date:
        """The day this period after ``day``: months first (calendar), then weeks and days."""
        if self.months:
            return add_months(day, self.months) + self._step
        return day + self._step

    def describe(self) -> str:
        """Words for a message: "24 months", "6 months + 4 weeks", "7 days"."""
        parts = [
            _plural(count, unit)
            for count, unit in ((self.months, "month"), (self.weeks, "week"), (self.days, "day"))
            if count
        ]
        return " + ".join(parts) if parts else "0 days"


def describe_gap(earlier: date, later: date, *, in_weeks: bool = False) -> str:
    """The time between two dates for a clerk, in the unit of the rule that compares it.

    By default "37 days", or "9 months 3 days" from 2 months on; ``in_weeks`` gives "10 weeks"
    or "5 weeks 2 days" from one week on. The order of the arguments does not matter.
    """
    if later < earlier:
        earlier, later = later, earlier
    days = (later - earlier).days
    if in_weeks:
        if days < 7:
            return _plural(days, "day")
        weeks, rest = divmod(days, 7)
        return _plural(weeks, "week") + (f" {_plural(rest, 'day')}" if rest else "")
    delta = relativedelta(later, earlier)
    months = int(delta.years) * 12 + int(delta.months)
    if months < 2:
        return _plural(days, "day")
    rest = int(delta.days)
    return _plural(months, "month") + (f" {_plural(rest, 'day')}" if rest else "")
