"""The stored weekly slot template (issue 14): build, read, the slot finder's marks and the
compliance report. On SQLite and PostgreSQL, in process and over the clinic server."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import (
    InvalidInputError,
    PermissionDeniedError,
    SolverUnavailableError,
)
from clinic_app.domain.template_solver import DayProblem, SessionKind, solve_day
from clinic_app.persistence import nurse_rota
from clinic_app.persistence.models import AuditRow, SlotTemplateRow, SlotTemplateStartRow
from clinic_app.services import templates as templates_module
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, LONDON, MANAGER, NOW, NURSE

WEDNESDAY = date(2026, 11, 25)  # two days after NOW
LATER = NOW + timedelta(weeks=1)  # Monday 30 November: WEDNESDAY is history
NEXT_WEDNESDAY = WEDNESDAY + timedelta(weeks=1)
ZOL = SessionKind(60, 10, 5)  # zoledronic acid's chair, set-up and take-down minutes
IRON = SessionKind(75, 15, 5)  # ferric carboxymaltose's


def _history(clinic: Services) -> None:
    """Two zoledronic acid and one iron session on WEDNESDAY; the clock a week on."""
    for mrn, code, start in (
        ("M001", "zoledronic-acid", "09:00"),
        ("M002", "zoledronic-acid", "09:00"),
        ("M003", "ferric-carboxymaltose", "10:00"),
    ):
        clinic.booking.book(NURSE, BookingRequest(mrn, code, f"{WEDNESDAY} {start}"))
    clinic.ctx.clock = fixed_clock(LATER)


def _rows(clinic: Services) -> tuple[int, int, int]:
    with clinic.ctx.db.read() as uow:
        s = uow.session
        return (
            s.scalar(select(func.count()).select_from(SlotTemplateRow)) or 0,
            s.scalar(select(func.count()).select_from(SlotTemplateStartRow)) or 0,
            s.scalar(select(func.count()).select_from(AuditRow)) or 0,
        )


def test_build_stores_what_the_solver_gives(clinic: Services) -> None:
    _history(clinic)
    view = clinic.templates.build(MANAGER, weeks=1, time_limit_s=2)

    # By hand: one Wednesday of history asks for two 60-min and one 75-min session.
    with clinic.ctx.db.read() as uow:
        rota = nurse_rota.day_rota(uow.session, NEXT_WEDNESDAY)
    expected = solve_day(
        DayProblem(8 * 60, 18 * 60, 3, rota, {ZOL: 2, IRON: 1}),
        session_value=templates_module.SESSION_VALUE,
        time_limit_s=2,
    )
    got = [
        (s.weekday, s.start.hour * 60 + s.start.minute, s.chair_minutes, s.count)
        for s in view.starts
    ]
    assert got == [(2, p.start, p.kind.chair_minutes, p.count) for p in expected.starts]
    assert sum(s.count for s in view.starts) == 3
    assert view.optimal_weekdays == (2,)
    assert view.chairs == 3
    assert (view.history_from, view.history_to) == (date(2026, 11, 23), date(2026, 11, 29))
    assert view.built_by == MANAGER.username
    assert view.built_at == LATER
    assert view.built_at.tzinfo is not None and view.built_at.utcoffset() == timedelta(0)
    assert all(s.weekday == 2 for s in view.starts) and view.on(0) == ()
    (iron,) = [s for s in view.starts if s.chair_minutes == 75]
    assert "ferric-carboxymaltose" in iron.therapies
    assert clinic.templates.current(DESK) == view


def test_a_second_build_supersedes_the_first(clinic: Services) -> None:
    _history(clinic)
    first = clinic.templates.build(MANAGER, weeks=1, time_limit_s=1)
    clinic.booking.book(NURSE, BookingRequest("M004", "zoledronic-acid", f"{LATER.date()} 11:00"))
    clinic.ctx.clock = fixed_clock(LATER + timedelta(days=1))
    second = clinic.templates.build(ADMIN, weeks=1, time_limit_s=1)
    assert second.id != first.id
    assert clinic.templates.current(NURSE) == second
    # The Monday session is history now: the second plans Mondays too.
    assert {s.weekday for s in second.starts} == {0, 2}
    with clinic.ctx.db.read() as uow:
        rows = uow.session.scalars(select(SlotTemplateRow).order_by(SlotTemplateRow.id)).all()
        assert [r.superseded_at is not None for r in rows] == [True, False]
        built = uow.session.scalars(
            select(AuditRow.entity_id)
            .where(AuditRow.entity == "slot_template", AuditRow.action == "build")
            .order_by(AuditRow.id)
        ).all()
    assert list(built) == [first.id, second.id]


@pytest.mark.parametrize("actor", [DESK, NURSE], ids=["desk", "nurse"])
def test_desk_and_nurses_may_not_build(clinic: Services, actor: object) -> None:
    _history(clinic)
    with pytest.raises(PermissionDeniedError):
        clinic.templates.build(actor, weeks=1, time_limit_s=1)  # type: ignore[arg-type]
    assert _rows(clinic)[:2] == (0, 0)


@pytest.mark.parametrize(
    ("weeks", "limit", "field"),
    [(0, 5.0, "weeks"), (53, 5.0, "weeks"), (8, 0.5, "time_limit_s"), (8, 61.0, "time_limit_s")],
)
def test_bad_input_is_refused_with_nothing_written(
    clinic: Services, weeks: int, limit: float, field: str
) -> None:
    _history(clinic)
    before = _rows(clinic)
    with pytest.raises(InvalidInputError) as refused:
        clinic.templates.build(MANAGER, weeks=weeks, time_limit_s=limit)
    assert refused.value.field == field
    assert _rows(clinic)[:2] == before[:2]  # a refusal may be audited, nothing else


def test_no_history_is_refused(clinic: Services) -> None:
    before = _rows(clinic)
    with pytest.raises(InvalidInputError, match="no booked sessions in the last 3 weeks"):
        clinic.templates.build(MANAGER, weeks=3, time_limit_s=1)
    assert _rows(clinic)[:2] == before[:2]  # a refusal may be audited, nothing else


def test_without_or_tools_the_build_is_refused(
    clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(clinic)
    # Simulates an installation without the optional package (the one monkeypatch here).
    monkeypatch.setattr(templates_module, "cp_sat_available", lambda: False)
    before = _rows(clinic)
    with pytest.raises(SolverUnavailableError, match=r"clinic_app\[optimise\]"):
        clinic.templates.build(MANAGER, weeks=1, time_limit_s=1)
    assert _rows(clinic)[:2] == before[:2]  # a refusal may be audited, nothing else


def test_no_template_no_marks_and_an_empty_report(clinic: Services) -> None:
    assert clinic.templates.current(NURSE) is None
    assert clinic.templates.day_slots(NURSE, WEDNESDAY) == []
    slots = clinic.booking.find_slots(NURSE, "M001", "zoledronic-acid", WEDNESDAY, count=3)
    assert all(s.template is None for s in slots)
    report = clinic.templates.compliance(MANAGER, WEDNESDAY, WEDNESDAY)
    assert report.template_id is None and report.planned == 0 and report.fill is None


def _template_at_eight(clinic: Services) -> None:
    """History: two zoledronic acid sessions at 08:00 on WEDNESDAY (two chairs); built.
    Patients P1-P4 join, none with a dose yet (zoledronic acid is yearly)."""
    for k in range(1, 5):
        clinic.setup.add_patient(DESK, mrn=f"P{k}", name=f"Pat {k}", date_of_birth="1950-01-01")
    for mrn in ("M001", "M002"):
        clinic.booking.book(NURSE, BookingRequest(mrn, "zoledronic-acid", f"{WEDNESDAY} 08:00"))
    clinic.ctx.clock = fixed_clock(LATER)
    view = clinic.templates.build(MANAGER, weeks=1, time_limit_s=2)
    # Two 60-min sessions and three chairs, no rota: both start at opening.
    assert [(s.weekday, s.start, s.chair_minutes, s.count) for s in view.starts] == [
        (2, time(8, 0), 60, 2)
    ]


def test_find_slots_marks_template_starts_and_counts_them_down(clinic: Services) -> None:
    _template_at_eight(clinic)
    slots = clinic.booking.find_slots(NURSE, "P1", "zoledronic-acid", NEXT_WEDNESDAY, count=4)
    assert [f"{s.start:%H:%M}" for s in slots][:1] == ["08:00"]
    assert slots[0].template == "template start 08:00 for 60-min sessions, 2 of 2 left"
    assert slots[0].recommended is not None and "template start 08:00" in slots[0].recommended
    assert all(s.template is None for s in slots if f"{s.start:%H:%M}" != "08:00")
    # Every option still comes from the rules engine: a marked one books.
    for slot in (s for s in slots if s.template):
        assert clinic.booking.check(
            NURSE, BookingRequest("P1", "zoledronic-acid", slot.start, chair=slot.chair)
        ).ok

    clinic.booking.book(NURSE, BookingRequest("P1", "zoledronic-acid", f"{NEXT_WEDNESDAY} 08:00"))
    again = clinic.booking.find_slots(NURSE, "P2", "zoledronic-acid", NEXT_WEDNESDAY, count=4)
    at_eight = [s for s in again if f"{s.start:%H:%M}" == "08:00"]
    assert at_eight and all(
        s.template == "template start 08:00 for 60-min sessions, 1 of 2 left" for s in at_eight
    )
    uses = clinic.templates.day_slots(NURSE, NEXT_WEDNESDAY)
    assert [(u.start, u.planned, u.filled) for u in uses] == [
        (datetime(2026, 12, 2, 8, 0, tzinfo=LONDON), 2, 1)
    ]

    clinic.booking.book(NURSE, BookingRequest("P2", "zoledronic-acid", f"{NEXT_WEDNESDAY} 08:00"))
    full = clinic.booking.find_slots(NURSE, "P3", "zoledronic-acid", NEXT_WEDNESDAY, count=4)
    assert all(s.template is None for s in full)
    # No template option on the first day: the level-loaded choice as before.
    assert sum(1 for s in full if s.recommended) == 1
    assert not any("template" in (s.recommended or "") for s in full)


def test_another_kind_is_not_marked(clinic: Services) -> None:
    _template_at_eight(clinic)
    slots = clinic.booking.find_slots(
        NURSE, "M003", "ferric-carboxymaltose", NEXT_WEDNESDAY, count=3
    )
    assert slots and all(s.template is None for s in slots)


def test_a_refused_day_offers_no_template_option(clinic: Services) -> None:
    """M001 on denosumab: IV iron is refused for weeks, so no iron option is offered on the
    template day, marked or not; the template only labels what the rules allow."""
    for mrn in ("M002", "M003"):
        clinic.booking.book(
            NURSE, BookingRequest(mrn, "ferric-carboxymaltose", f"{WEDNESDAY} 08:00")
        )
    clinic.ctx.clock = fixed_clock(LATER)
    clinic.templates.build(MANAGER, weeks=1, time_limit_s=1)
    clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-11-27")
    slots = clinic.booking.find_slots(
        NURSE, "M001", "ferric-carboxymaltose", NEXT_WEDNESDAY, count=3
    )
    for slot in slots:
        assert slot.start.date() != NEXT_WEDNESDAY or slot.template is None
        check = clinic.booking.check(
            NURSE, BookingRequest("M001", "ferric-carboxymaltose", slot.start, chair=slot.chair)
        )
        assert check.ok


def test_compliance_on_a_small_clinic(clinic: Services) -> None:
    _template_at_eight(clinic)
    # NEXT_WEDNESDAY: two at the template's 08:00, one at 09:00 and an iron session (a kind
    # the template does not start); a week later one booked and cancelled.
    for mrn, code, start in (
        ("P1", "zoledronic-acid", "08:00"),
        ("P2", "zoledronic-acid", "08:00"),
        ("P3", "zoledronic-acid", "09:00"),
        ("M004", "ferric-carboxymaltose", "10:00"),
    ):
        clinic.booking.book(NURSE, BookingRequest(mrn, code, f"{NEXT_WEDNESDAY} {start}"))
    cancelled = clinic.booking.book(
        NURSE, BookingRequest("P4", "zoledronic-acid", f"{NEXT_WEDNESDAY + timedelta(7)} 08:00")
    )
    assert cancelled.session.id is not None
    clinic.booking.cancel(NURSE, cancelled.session.id, "moved away")

    report = clinic.templates.compliance(
        MANAGER, NEXT_WEDNESDAY - timedelta(days=2), NEXT_WEDNESDAY + timedelta(days=7)
    )
    by_day = {d.day: d for d in report.days}
    # Open days only: Mon 30 Nov to Wed 9 Dec without the weekend.
    assert len(report.days) == 8 and date(2026, 12, 5) not in by_day
    wed = by_day[NEXT_WEDNESDAY]
    # By hand: planned 2 at 08:00; two 60-min sessions there fill it; 09:00 and the iron
    # session are off the template.
    assert (wed.planned, wed.filled, wed.off_template) == (2, 2, 2)
    assert wed.compliance == 0.5 and wed.fill == 1.0
    # The cancelled one counts nowhere: planned 2, nothing booked.
    after = by_day[NEXT_WEDNESDAY + timedelta(days=7)]
    assert (after.planned, after.filled, after.off_template) == (2, 0, 0)
    assert after.compliance is None and after.fill == 0.0
    assert (report.planned, report.filled, report.off_template) == (4, 2, 2)
    assert report.compliance == 0.5 and report.fill == 0.5
    assert report.template_id == clinic.templates.current(MANAGER).id  # type: ignore[union-attr]


def test_the_compliance_report_is_for_managers_and_at_most_a_year(clinic: Services) -> None:
    with pytest.raises(PermissionDeniedError):
        clinic.templates.compliance(NURSE, WEDNESDAY, WEDNESDAY)
    with pytest.raises(InvalidInputError) as long:
        clinic.templates.compliance(MANAGER, "2026-01-01", "2027-01-02")
    assert long.value.field == "to"
    with pytest.raises(InvalidInputError) as backwards:
        clinic.templates.compliance(MANAGER, "2026-02-01", "2026-01-01")
    assert backwards.value.field == "to"
    with pytest.raises(InvalidInputError) as bad:
        clinic.templates.day_slots(NURSE, "2026-13-01")
    assert bad.value.field == "day"
