"""Level-loaded slot suggestions (issue 14): the day profiles the domain's ranking needs.

The booking service's slot finder offers the earliest safe options, as before; this module
reads, for the days of those options, what the ranking in ``domain.level_loading`` needs:
the day's nurse tasks, the chair-minutes still free, and the long infusions the clinic's own
history expects that day (same weekday, the last eight weeks) but has not booked yet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Catalog, Therapy
from clinic_app.domain.clinic_calendar import ClinicCalendar, to_utc
from clinic_app.domain.level_loading import DayProfile, Recommendation, recommend
from clinic_app.domain.nurse_capacity import NurseTask
from clinic_app.domain.slot_finder import ChairSchedule, SlotOption
from clinic_app.persistence import demand_history, nurse_rota


def free_chair_minutes(
    calendar: ClinicCalendar, day: date, schedules: Sequence[ChairSchedule]
) -> int:
    """Chair-minutes of ``day``'s opening hours not yet booked, over ``schedules``."""
    opening = calendar.open_interval(day)
    if opening is None:
        return 0
    opens, closes = to_utc(opening[0]), to_utc(opening[1])
    total = 0
    for chair in schedules:
        busy = timedelta(0)
        for start, end in chair.busy:
            start, end = max(to_utc(start), opens), min(to_utc(end), closes)
            if start < end:
                busy += end - start
        total += int(((closes - opens) - busy).total_seconds() // 60)
    return total


def expected_long_minutes(
    s: Session, calendar: ClinicCalendar, catalog: Catalog, therapy: Therapy, day: date
) -> int:
    """Chair-minutes of therapies longer than ``therapy`` that the history expects on
    ``day`` beyond what is already booked there."""
    expected = demand_history.weekday_demand(s, calendar, day)
    booked = demand_history.day_counts(s, calendar, day)
    own = therapy.chair_minutes or 0
    minutes = 0.0
    for code, mean in expected.items():
        if code not in catalog:
            continue
        other = catalog.get(code).chair_minutes or 0
        if other > own:
            minutes += max(0.0, mean - booked.get(code, 0)) * other
    return round(minutes)


def recommend_option(
    s: Session,
    calendar: ClinicCalendar,
    catalog: Catalog,
    therapy: Therapy,
    options: Sequence[SlotOption],
    schedules_on: Callable[[date], Sequence[ChairSchedule]],
    *,
    exclude_session: int | None = None,
) -> Recommendation | None:
    """Which of ``options`` (earliest first) keeps its day's load flattest, and why."""
    profiles: dict[date, DayProfile] = {}
    scored: list[tuple[DayProfile, NurseTask]] = []
    positions: list[int] = []
    for index, option in enumerate(options):
        day = calendar.local_day(option.start)
        task = nurse_rota.task_of(calendar, therapy, day, option.start, option.end)
        if task is None:
            continue
        if day not in profiles:
            tasks = nurse_rota.day_tasks(s, calendar, catalog, day, exclude=exclude_session)
            profiles[day] = DayProfile.of(
                tasks,
                free_chair_minutes=free_chair_minutes(calendar, day, schedules_on(day)),
                expected_long_minutes=expected_long_minutes(s, calendar, catalog, therapy, day),
            )
        scored.append((profiles[day], task))
        positions.append(index)
    best = recommend(scored)
    if best is None:
        return None
    return Recommendation(positions[best.index], best.reason)
