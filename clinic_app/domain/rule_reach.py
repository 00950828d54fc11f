"""How far the rule engine looks from a dose, derived from the rule parameters.

The engine compares a dose with the patient's other doses and labs inside the rules' periods
(E1's exposure periods, E3's window, A3's interval, the lab windows...). A dose further away
than every period can only matter through the "nearest dose at any distance" questions
(the previous and next dose of a drug, the other doses of a course), which
:meth:`PatientTimeline.relevant` keeps explicitly. So the services load, per operation,
only the part of a patient's history within this reach (issue 10: one load of the relevant
window, not the whole ten-year history).

The reach is computed from the parameters themselves - every period, lab window, day count
and minute gap of every rule - so a clinic that lengthens a period, or a new rule that adds
one, widens the window without any change here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta

from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import FollowUpDay, LabAfter, LabBefore, RuleParameters
from clinic_app.domain.timeline import Dose, DoseSource, LabVisit, PatientTimeline

# A calendar month is at most 31 days: the longest a period of months can be.
_LONGEST_MONTH_DAYS = 31
# Local days of timed doses and draws are taken from UTC instants: one day either side
# covers the clinic's offset from UTC (and a DST change) at the window's edges.
_EDGE_DAYS = 1


def _days_in(value: object, name: str = "") -> Iterator[int]:
    """Every span, in whole days (rounded up), held by one parameter value."""
    if isinstance(value, Period):
        yield value.months * _LONGEST_MONTH_DAYS + value.weeks * 7 + value.days
    elif isinstance(value, LabBefore):
        yield value.from_days
    elif isinstance(value, LabAfter):
        yield max(value.to_days, value.target_days)
    elif isinstance(value, FollowUpDay):
        yield value.day + value.tolerance
    elif isinstance(value, bool):
        return
    elif isinstance(value, int) and name.endswith("_days"):
        yield value
    elif isinstance(value, int) and name.endswith("_minutes"):
        yield math.ceil(value / (24 * 60))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _days_in(item, name)
    elif isinstance(value, tuple):
        for item in value:
            yield from _days_in(item, name)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _days_in(getattr(value, f.name), f.name)


def rule_reach(params: RuleParameters) -> timedelta:
    """The longest span any rule compares two doses, or a dose and a lab, across.

    The maximum over every period (months counted as 31 days), every lab window, every
    ``*_days`` count and every ``*_minutes`` gap of every rule, plus a day for the
    local-day edge. It is an upper bound: a longer window only loads more, never decides
    differently.
    """
    longest = max((days for rule in params.rules() for days in _days_in(rule)), default=0)
    return timedelta(days=longest + _EDGE_DAYS)


def relevant_part(
    timeline: PatientTimeline, since: date, course_ids: frozenset[str] = frozenset()
) -> PatientTimeline:
    """The part of ``timeline`` the services load for an operation looking at days >= since.

    Kept: every dose and lab on or after ``since``; every recorded (outside) dose, few and
    possibly ongoing; per drug, the last session dose before ``since`` (the "previous dose
    at any distance" of A3, A3w, B2, C3, C2, C8 and A9's "first session here"); and every
    dose of the courses in ``course_ids``; the range reaches back to the first dose of any
    course that has a dose in it or is in ``course_ids``. This is the selection
    ``repositories.patient_sessions_since`` makes in SQL, written here as the reference the
    property tests compare the engine on.
    """
    # A course reaching into the range widens it back to its first dose (D14 looks at every
    # dose within a course's span).
    sessions = [d for d in timeline.doses if d.source is DoseSource.SESSION]
    touching = set(course_ids) | {d.course_id for d in sessions if d.day >= since}
    firsts = [d.day for d in sessions if d.course_id is not None and d.course_id in touching]
    since = min([since, *firsts])
    kept: dict[int, Dose] = {}
    last_before: dict[str, tuple[int, Dose]] = {}
    for index, dose in enumerate(timeline.doses):  # sorted by day, then start
        if (
            dose.day >= since
            or dose.source is DoseSource.RECORDED
            or (dose.course_id is not None and dose.course_id in course_ids)
        ):
            kept[index] = dose
        if dose.day < since and dose.source is DoseSource.SESSION:
            last_before[dose.drug] = (index, dose)  # a later one replaces it
    kept.update(dict(last_before.values()))
    labs: tuple[LabVisit, ...] = tuple(lab for lab in timeline.labs if lab.day >= since)
    return PatientTimeline(doses=tuple(kept[i] for i in sorted(kept)), labs=labs)


def start_key(
    start: datetime, end: datetime, timed: Iterable[Dose], gap: timedelta
) -> datetime | tuple[bool, ...]:
    """What the engine can tell apart between starts of one day, for a slot search's cache.

    The rules read a proposal's time of day only against the patient's timed doses close
    to it: same-day order (which dose comes first) and D9g's observation gap (``gap``), whose
    message quotes the times. Two starts with the same order against every dose of
    ``timed`` and neither inside a D9g span get the same evaluation, so the search
    evaluates once per order; a start inside a D9g span keys on itself.
    """
    before: list[bool] = []
    for dose in timed:
        if dose.start is None or dose.end is None:
            continue  # recorded doses have no time; they come first on their day
        if start <= dose.start < end + gap or dose.start <= start < dose.end + gap:
            return start
        before.append(start < dose.start)
    return tuple(before)
