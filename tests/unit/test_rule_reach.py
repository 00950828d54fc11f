"""The windowed timeline decides exactly like the whole history (issue 10).

The oracle is the engine itself on the patient's full timeline: for random histories, the
proposal's evaluation, and every neighbour the booking service re-checks, must be equal -
findings, messages and lab requirements - when the engine sees only the part of the history
the services load (:func:`relevant_part`). Neighbours the service does not re-check must be
ones whose lab needs the booking cannot change.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rule_reach import relevant_part, rule_reach, start_key
from clinic_app.domain.rules import evaluate
from clinic_app.domain.timeline import (
    Dose,
    DoseSource,
    LabVisit,
    PatientTimeline,
    ProposedSession,
    Regimen,
)
from tests.unit.conftest import TZ

BOOKED = [
    "zoledronic-acid",
    "ibandronate",
    "denosumab",
    "ferric-carboxymaltose",
    "ferric-derisomaltose",
    "ferumoxytol",
    "iron-sucrose",
    "iron-dextran",
]
RECORDED = ["alendronate", "denosumab", "zoledronic-acid", "ibandronate"]
FIRST, LAST = date(2016, 1, 1), date(2027, 12, 31)
COURSES = st.sampled_from([None, None, "c1", "c2", "c3"])


@st.composite
def session_doses(draw: st.DrawFn, ids: st.SearchStrategy[int]) -> Dose:
    day = draw(st.dates(FIRST, LAST))
    drug = draw(st.sampled_from(BOOKED))
    start = datetime.combine(day, time(8)) + timedelta(minutes=15 * draw(st.integers(0, 36)))
    return Dose(
        drug=drug,
        day=day,
        source=DoseSource.SESSION,
        start=start.replace(tzinfo=TZ),
        end=(start + timedelta(minutes=75)).replace(tzinfo=TZ),
        session_id=draw(ids),
        course_id=draw(COURSES),
        regimen=draw(st.sampled_from([None, Regimen.TREATMENT, Regimen.PREVENTION])),
    )


recorded_doses = st.builds(
    lambda drug, day, ongoing: Dose(
        drug, day, DoseSource.RECORDED, ongoing=ongoing and drug == "alendronate", where="GP"
    ),
    st.sampled_from(RECORDED),
    st.dates(FIRST, LAST),
    st.booleans(),
)
labs = st.builds(
    lambda day, tests: LabVisit(day, frozenset(tests)),
    st.dates(FIRST, LAST),
    st.sets(st.sampled_from(["vitamin-d", "calcium", "phosphate"]), min_size=1),
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[PatientTimeline, ProposedSession, date]:
    ids = iter(range(1, 1000))
    sessions = draw(st.lists(session_doses(st.builds(lambda: next(ids))), max_size=25))
    recorded = draw(st.lists(recorded_doses, max_size=3))
    timeline = PatientTimeline.of([*sessions, *recorded], draw(st.lists(labs, max_size=8)))
    today = draw(st.dates(date(2024, 1, 1), date(2026, 12, 31)))
    day = today + timedelta(days=draw(st.integers(0, 400)))
    at = datetime.combine(day, time(8)) + timedelta(minutes=15 * draw(st.integers(0, 36)))
    moved = draw(st.sampled_from([None, *sessions]))
    proposal = ProposedSession(
        # A move keeps the session's therapy, course and regimen (as the service does).
        therapy=moved.drug if moved else draw(st.sampled_from(BOOKED)),
        start=at.replace(tzinfo=TZ),
        end=(at + timedelta(minutes=60)).replace(tzinfo=TZ),
        day=day,
        session_id=moved.session_id if moved else None,
        course_id=moved.course_id if moved else draw(COURSES),
        regimen=moved.regimen if moved else draw(st.sampled_from([None, Regimen.PREVENTION])),
    )
    return timeline, proposal, today


def as_proposal(dose: Dose) -> ProposedSession:
    assert dose.start is not None and dose.end is not None
    return ProposedSession(
        dose.drug, dose.start, dose.end, dose.day, dose.session_id, dose.course_id, dose.regimen
    )


def loaded_courses(timeline: PatientTimeline, since: date, extra: str | None) -> frozenset[str]:
    """The courses the service's query keeps whole: those of doses from ``since`` on."""
    found = {d.course_id for d in timeline.doses if d.day >= since and d.course_id}
    return frozenset(found | ({extra} if extra else set()))


def scope_start(
    timeline: PatientTimeline, proposal: ProposedSession, today: date, reach: timedelta
) -> date:
    """The first day whose sessions the booking re-checks (as the booking service does)."""
    days = [today, proposal.day]
    days += [d.day for d in timeline.doses if d.session_id == proposal.session_id is not None]
    if proposal.course_id:
        days += [d.day for d in timeline.doses if d.course_id == proposal.course_id]
    return min(days) - reach


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=histories())
def test_the_window_decides_like_the_whole_history(
    case: tuple[PatientTimeline, ProposedSession, date],
    catalog: Catalog,
    params: RuleParameters,
) -> None:
    timeline, proposal, today = case
    reach = rule_reach(params)
    # The proposal itself: its own window (a move's window holds its old place too, so the
    # moved session is never the "last dose before the window" the query keeps).
    old = [d.day for d in timeline.doses if d.session_id == proposal.session_id is not None]
    since = min([proposal.day, *old]) - reach
    window = relevant_part(timeline, since, loaded_courses(timeline, since, proposal.course_id))
    assert evaluate(proposal, window, catalog, params) == evaluate(
        proposal, timeline, catalog, params
    )
    # Its neighbours, with the proposal in their timeline.
    first = scope_start(timeline, proposal, today, reach)
    since = first - reach
    after = timeline.with_dose(proposal.as_dose())
    window = relevant_part(after, since, loaded_courses(after, since, proposal.course_id))
    for dose in after.doses:
        if dose.session_id is None or dose.session_id == proposal.session_id:
            continue
        neighbour = as_proposal(dose)
        if dose.day >= first:
            assert evaluate(neighbour, window, catalog, params) == evaluate(
                neighbour, after, catalog, params
            ), dose
        else:
            # Not re-checked: in the past, so only its lab needs matter, and they must not
            # depend on this booking.
            assert dose.day < today
            assert (
                evaluate(neighbour, after, catalog, params).labs
                == evaluate(neighbour, timeline, catalog, params).labs
            ), dose


def test_the_reach_follows_the_parameters(params: RuleParameters) -> None:
    shipped = rule_reach(params)
    # E1's 24 months of zoledronic acid is the longest shipped period: 24 x 31 days + 1.
    assert shipped == timedelta(days=24 * 31 + 1)
    longer = params.with_overrides({"E1": {"lookback": {"zoledronic-acid": {"months": 36}}}})
    assert rule_reach(longer) == timedelta(days=36 * 31 + 1)
    assert Period(months=36) == longer.e1.lookback["zoledronic-acid"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=histories(),
    therapy=st.sampled_from(BOOKED),
    slots=st.lists(st.integers(0, 40), min_size=2, max_size=6, unique=True),
)
def test_starts_with_one_key_get_one_evaluation(
    case: tuple[PatientTimeline, ProposedSession, date],
    therapy: str,
    slots: list[int],
    catalog: Catalog,
    params: RuleParameters,
) -> None:
    timeline, proposal, _today = case
    # Put the slots on a day of the history often: that is where the time of day matters.
    day = timeline.doses[0].day if timeline.doses else proposal.day
    length = timedelta(minutes=catalog.get(therapy).chair_minutes or 60)
    gap = timedelta(minutes=params.d9g.gap_minutes)
    seen: dict[object, object] = {}
    for slot in slots:
        start = (datetime.combine(day, time(8)) + timedelta(minutes=15 * slot)).replace(tzinfo=TZ)
        at = ProposedSession(therapy, start, start + length, day)
        evaluation = evaluate(at, timeline, catalog, params)
        key = start_key(start, start + length, timeline.doses, gap)
        assert seen.setdefault(key, evaluation) == evaluation, start
