"""The slot finder's view of the stored weekly template (issue 14): which offered options
sit on a template start of the therapy's kind that still has room that day.

Only a label is added to options the rules engine already offered: the template never makes
an option, so it can never offer one a clinical rule or the nurse invariant refuses. Without
a template in force this costs one column query and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Catalog, Therapy
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.level_loading import Recommendation
from clinic_app.domain.nurse_capacity import hhmm
from clinic_app.domain.slot_finder import SlotOption
from clinic_app.domain.template_compliance import StartUse, TemplateStart, match_day
from clinic_app.domain.template_solver import SessionKind
from clinic_app.persistence import nurse_rota
from clinic_app.persistence import slot_templates as store
from clinic_app.services.templates import booked_by_day, kind_of


@dataclass(frozen=True, slots=True)
class TemplateMarks:
    """Per option index, the template start it takes in words; and the recommendation."""

    labels: dict[int, str]
    recommended: Recommendation | None


NO_MARKS = TemplateMarks({}, None)


def describe(use: StartUse) -> str:
    """``template start 09:15 for 75-min sessions, 1 of 2 left``."""
    return (
        f"template start {hhmm(use.minute)} for {use.kind.chair_minutes}-min sessions, "
        f"{use.room} of {use.planned} left"
    )


def template_marks(
    s: Session,
    calendar: ClinicCalendar,
    catalog: Catalog,
    therapy: Therapy,
    options: Sequence[SlotOption],
    *,
    exclude_session: int | None = None,
) -> TemplateMarks:
    """Label each option on a template start of ``therapy``'s kind with room left that day
    (the sessions booked there counted, but ``exclude_session``: the one being moved), and
    recommend the earliest such option when it lies on the earliest offered day."""
    kind = kind_of(therapy)
    if kind is None or not options:
        return NO_MARKS
    _, stored = store.starts_in_force(s)
    mine = [
        (row.weekday, TemplateStart(row.start_minute, kind, row.sessions))
        for row in stored
        if SessionKind(row.chair_minutes, row.setup_minutes, row.takedown_minutes) == kind
    ]
    if not mine:
        return NO_MARKS
    rooms: dict[date, dict[int, StartUse]] = {}
    labels: dict[int, str] = {}
    for index, option in enumerate(options):
        local = calendar.local(option.start)
        day = local.date()
        if day not in rooms:
            starts = [start for weekday, start in mine if weekday == day.weekday()]
            rooms[day] = _uses(s, calendar, catalog, day, starts, kind, exclude_session)
        use = rooms[day].get(nurse_rota.minute_of(local.time()))
        if use is not None and use.room > 0:
            labels[index] = describe(use)
    first_day = calendar.local_day(options[0].start)
    on_first = [i for i in labels if calendar.local_day(options[i].start) == first_day]
    if not on_first:
        return TemplateMarks(labels, None)
    best = min(on_first)
    return TemplateMarks(
        labels,
        Recommendation(best, f"{labels[best]}: the earliest template start on the first day"),
    )


def _uses(
    s: Session,
    calendar: ClinicCalendar,
    catalog: Catalog,
    day: date,
    starts: list[TemplateStart],
    kind: SessionKind,
    exclude_session: int | None,
) -> dict[int, StartUse]:
    """The day's template starts of ``kind`` by minute, with what is booked on them (no
    query for a weekday without one)."""
    if not starts:
        return {}
    sessions = store.not_cancelled_between(
        s,
        calendar.day_start(day),
        calendar.day_start(day + timedelta(days=1)),
        exclude=exclude_session,
    )
    booked = booked_by_day(calendar, catalog, sessions).get(day, [])
    return {u.minute: u for u in match_day(starts, booked).uses if u.kind == kind}
