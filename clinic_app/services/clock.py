"""Where services get "now" from; tests pass a fixed clock instead of patching time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current moment, aware, in UTC."""
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says ``moment`` (for tests and reproducible demos)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")

    def now() -> datetime:
        return moment

    return now
