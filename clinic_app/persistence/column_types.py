"""Column types: UTC timestamps that come back timezone-aware on every backend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as UTC; returns it aware in UTC.

    PostgreSQL keeps ``timestamptz``. SQLite keeps naive UTC text in one fixed format, so
    string comparison in triggers orders instants correctly.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing a naive datetime: store aware times only")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)

    def result_processor(
        self, dialect: Dialect, coltype: Any
    ) -> Callable[[Any], datetime | None] | None:
        """The stored value to an aware UTC datetime, each distinct stored value parsed once.

        A day's ~1,100 rows start and end on a few dozen quarter hours; parsing and tagging
        each value (two Python calls per value) was a large share of reading them (issue
        10). The memo is bounded; datetimes are immutable, so sharing one is safe.
        """
        convert = super().result_processor(dialect, coltype)
        if convert is None:  # pragma: no cover - TypeDecorator always gives one
            return None
        seen: dict[Any, datetime | None] = {}

        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            found = seen.get(value)
            if found is None:
                if len(seen) >= _MEMO_SIZE:
                    seen.clear()
                found = seen[value] = convert(value)
            return found

        return process


_MEMO_SIZE = 4096  # distinct stored instants remembered per compiled statement column


class StoredInstant(TypeDecorator[Any]):
    """A ``UTCDateTime`` column read as the driver returns it (SQLite: the stored text;
    PostgreSQL: an aware datetime), for bulk readers that convert each distinct value once
    themselves with ``instant_parser`` (a busy day's ~2,200 instants are a few dozen)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> None:
        return None


def instant_parser(dialect: Dialect) -> Callable[[Any], datetime]:
    """What ``UTCDateTime`` makes of a value ``StoredInstant`` returned: an aware UTC
    datetime (the same conversion, so both paths give equal instants)."""
    convert = UTCDateTime().dialect_impl(dialect).result_processor(dialect, None)
    assert convert is not None
    return convert  # type: ignore[return-value]


class StoredDate(TypeDecorator[Any]):
    """A ``Date`` column read as the driver returns it (SQLite: ISO text; PostgreSQL: a
    date), for bulk readers that convert each distinct value once with ``date_parser``."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> None:
        return None


def date_parser(dialect: Dialect) -> Callable[[Any], date]:
    """What ``Date`` makes of a value ``StoredDate`` returned (the dialect's own conversion;
    none where the driver already returns dates)."""
    convert = Date().dialect_impl(dialect).result_processor(dialect, None)
    return convert if convert is not None else _as_is  # type: ignore[return-value]


def _as_is(value: Any) -> Any:
    return value
