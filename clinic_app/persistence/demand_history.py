"""The clinic's own booking history as demand (issue 14, level-loaded suggestions)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.persistence.models import SessionRow
from clinic_app.persistence.repositories import active

HISTORY_WEEKS = 8
"""How many past same weekdays the expectation averages over."""


def weekday_demand(
    session: Session, calendar: ClinicCalendar, day: date, *, weeks: int = HISTORY_WEEKS
) -> dict[str, float]:
    """Sessions per therapy expected on ``day``: the mean count of active sessions that
    started on the same weekday in the ``weeks`` weeks before it (one grouped query)."""
    if weeks < 1:
        raise ValueError("the history covers at least one week")
    windows = [
        (calendar.day_start(past), calendar.day_start(past + timedelta(days=1)))
        for past in (day - timedelta(weeks=k) for k in range(1, weeks + 1))
    ]
    stmt = (
        select(SessionRow.therapy_code, func.count())
        .where(
            active(SessionRow),
            or_(
                *(
                    SessionRow.start_utc.between(a, b - timedelta(microseconds=1))
                    for a, b in windows
                )
            ),
        )
        .group_by(SessionRow.therapy_code)
    )
    return {code: count / weeks for code, count in session.execute(stmt).all()}


def day_counts(session: Session, calendar: ClinicCalendar, day: date) -> dict[str, int]:
    """Active sessions per therapy already booked to start on ``day``."""
    stmt = (
        select(SessionRow.therapy_code, func.count())
        .where(
            active(SessionRow),
            SessionRow.start_utc >= calendar.day_start(day),
            SessionRow.start_utc < calendar.day_start(day + timedelta(days=1)),
        )
        .group_by(SessionRow.therapy_code)
    )
    return dict(session.execute(stmt).all())
