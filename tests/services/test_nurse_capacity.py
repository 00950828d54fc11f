"""Nurses as staff and the nurse invariant in the booking service (issue 14), on SQLite and
PostgreSQL: the rota (roles, audit, validation), the invariant on book, move, series, check,
find_slots and a no-show set back to booked, a day without a rota left unchecked, and two
desks racing for the last free nurse minute (exactly one wins)."""

from __future__ import annotations

import threading
from datetime import date, time

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import (
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    SchedulingConflictError,
)
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW, NURSE

DAY = date(2026, 11, 25)  # a Wednesday, two days after NOW


def zoledronic(mrn: str, at: str, chair: str | None = None) -> BookingRequest:
    """60 chair minutes: 10 min set-up, 5 min take-down (the shipped catalog)."""
    return BookingRequest(mrn, "zoledronic-acid", f"{DAY} {at}", chair=chair)


def one_nurse(clinic: Services, name: str = "Nora Night", start: str = "08:00") -> None:
    clinic.staffing.add_nurse(MANAGER, name)
    clinic.staffing.set_shift(MANAGER, name, DAY, start, "16:00", ("12:00-12:30",))


# ---------------------------------------------------------------------- the rota


def test_managers_and_administrators_keep_the_rota_audited_and_others_may_not(
    clinic: Services,
) -> None:
    assert clinic.staffing.add_nurse(MANAGER, "Nora Night").active
    assert clinic.staffing.rename_nurse(ADMIN, "Nora Night", "Nora Day").name == "Nora Day"
    change = clinic.staffing.set_shift(MANAGER, "Nora Day", DAY, "08:00", "16:00", ("12:00-12:30",))
    assert change.shift is not None and change.over == ()
    assert change.shift.breaks[0].start == time(12, 0)
    assert clinic.staffing.set_nurse_ratio(MANAGER, 3) == 3
    assert clinic.staffing.nurse_ratio(DESK) == 3
    for actor in (DESK, NURSE):
        with pytest.raises(PermissionDeniedError):
            clinic.staffing.add_nurse(actor, "Olga Other")
        with pytest.raises(PermissionDeniedError):
            clinic.staffing.set_nurse_ratio(actor, 5)
    entries = clinic.audit.entries(ADMIN, limit=50)
    actions = {(e.entity, e.action) for e in entries}
    assert {
        ("nurse", "create"),
        ("nurse", "update"),
        ("nurse_shift", "set"),
        ("clinic_settings", "update"),
        ("permission", "denied"),
    } <= actions
    assert [n.name for n in clinic.staffing.nurses(DESK)] == ["Nora Day"]


def test_shifts_are_checked_and_a_nurse_with_shifts_ahead_is_not_retired(
    clinic: Services,
) -> None:
    clinic.staffing.add_nurse(MANAGER, "Nora Night")
    with pytest.raises(InvalidInputError, match="already exists"):
        clinic.staffing.add_nurse(MANAGER, "Nora Night")
    with pytest.raises(NotFoundError, match="no nurse named 'Nobody'"):
        clinic.staffing.set_shift(MANAGER, "Nobody", DAY, "08:00", "16:00")
    with pytest.raises(InvalidInputError, match="before it starts"):
        clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "16:00", "08:00")
    with pytest.raises(InvalidInputError, match="not a break inside the shift"):
        clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00", ("15:30-16:30",))
    with pytest.raises(InvalidInputError, match="two breaks overlap"):
        clinic.staffing.set_shift(
            MANAGER, "Nora Night", DAY, "08:00", "16:00", ("12:00-12:30", "12:15-12:45")
        )
    with pytest.raises(InvalidInputError, match="expected HH:MM-HH:MM"):
        clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00", ("noon",))
    with pytest.raises(InvalidInputError, match="is past"):
        clinic.staffing.set_shift(MANAGER, "Nora Night", "2026-11-20", "08:00", "16:00")
    with pytest.raises(InvalidInputError, match="1 to 12"):
        clinic.staffing.set_nurse_ratio(MANAGER, 0)
    clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00")
    # Setting it again replaces the day's shift (one per nurse and day).
    clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "09:00", "17:00")
    (shift,) = clinic.staffing.day_load(DESK, DAY).shifts
    assert (shift.start, shift.end) == (time(9, 0), time(17, 0))
    with pytest.raises(InvalidInputError, match="1 shift\\(s\\) from 2026-11-23 on"):
        clinic.staffing.retire_nurse(MANAGER, "Nora Night")
    clinic.staffing.remove_shift(MANAGER, "Nora Night", DAY)
    assert not clinic.staffing.retire_nurse(MANAGER, "Nora Night").active
    with pytest.raises(InvalidInputError, match="retired: she takes no shift"):
        clinic.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00")


# ---------------------------------------------------------------------- the invariant


def test_a_day_without_a_rota_is_not_nurse_checked_and_says_so(clinic: Services) -> None:
    for mrn, chair in (("M001", "Chair 1"), ("M002", "Chair 2"), ("M003", "Chair 3")):
        clinic.booking.book(NURSE, zoledronic(mrn, "10:00", chair))
    load = clinic.staffing.day_load(DESK, DAY)
    assert not load.nurse_checked and load.over == ()
    assert load.note.startswith("no nurse rota for 2026-11-25: bookings that day are not checked")


def test_one_nurse_cannot_start_two_infusions_at_once_and_the_message_names_the_next(
    clinic: Services,
) -> None:
    one_nurse(clinic)
    clinic.booking.book(NURSE, zoledronic("M001", "10:00", "Chair 1"))
    with pytest.raises(SchedulingConflictError) as refused:
        clinic.booking.book(NURSE, zoledronic("M002", "10:00", "Chair 2"))
    assert refused.value.kind == ConflictKind.NURSE
    # One nurse monitors M001 10:10-10:55 and takes her line down 10:55-11:00: a second
    # set-up needs a second nurse until 11:00.
    assert refused.value.message == (
        "no nurse free to start an infusion at 10:00 (2 nurses needed, 1 on duty); "
        "11:00 is free (2026-11-25)"
    )
    check = clinic.booking.check(NURSE, zoledronic("M002", "10:00", "Chair 2"))
    assert check.conflict_kind == ConflictKind.NURSE and "11:00 is free" in (check.conflict or "")
    # The break: no one on the ward 12:00-12:30.
    with pytest.raises(SchedulingConflictError, match="at 12:00 for an infusion starting at 11:30"):
        clinic.booking.book(NURSE, zoledronic("M002", "11:30", "Chair 2"))
    booked = clinic.booking.book(NURSE, zoledronic("M002", "11:00", "Chair 2"))
    load = clinic.staffing.day_load(DESK, DAY)
    assert load.nurse_checked and load.over == ()
    at_ten = next(p for p in load.points if p.at == time(10, 0))
    assert (at_ten.exclusive, at_ten.monitored, at_ten.needed, at_ten.on_duty) == (1, 0, 1, 1)
    # Moving a session checks it too; moving it within its own time does not clash with itself.
    assert booked.session.id is not None
    with pytest.raises(SchedulingConflictError, match="no nurse free to start"):
        clinic.booking.move(NURSE, booked.session.id, f"{DAY} 10:05")
    moved = clinic.booking.move(NURSE, booked.session.id, f"{DAY} 11:00", chair="Chair 3")
    assert moved.session.chair == "Chair 3"


def test_the_slot_finder_offers_only_starts_a_nurse_can_take(clinic: Services) -> None:
    one_nurse(clinic)
    clinic.booking.book(NURSE, zoledronic("M001", "08:00", "Chair 1"))
    slots = clinic.booking.find_slots(NURSE, "M002", "zoledronic-acid", DAY, count=3)
    # Without the rota the first offers would be 08:00 in Chair 2 and 3.
    assert [f"{s.start:%H:%M}" for s in slots][:1] == ["09:00"]
    for slot in slots:
        outcome = clinic.booking.check(
            NURSE, BookingRequest("M002", "zoledronic-acid", slot.start, chair=slot.chair)
        )
        assert outcome.conflict is None


def test_a_series_dose_and_a_no_show_back_to_booked_are_nurse_checked(
    clinic: Services,
) -> None:
    one_nurse(clinic)
    clinic.booking.book(NURSE, zoledronic("M001", "10:00", "Chair 1"))
    with pytest.raises(SchedulingConflictError, match=r"dose 1 of 2 .*no nurse free to start"):
        clinic.booking.book_series(
            NURSE,
            BookingRequest("M002", "zoledronic-acid", f"{DAY} 10:00", chair="Chair 2"),
            count=2,
            every=relativedelta(years=1),
        )
    # A no-show frees the nurse; setting it back to booked takes her time again.
    today = date(2026, 11, 23)
    clinic.staffing.add_nurse(MANAGER, "Olga Other")
    clinic.staffing.set_shift(MANAGER, "Olga Other", today, "08:00", "16:00")
    first = clinic.booking.book(
        NURSE, BookingRequest("M003", "ibandronate", f"{today} 13:00", chair="Chair 1")
    )
    assert first.session.id is not None
    clinic.booking.set_status(NURSE, first.session.id, "no-show")
    clinic.booking.book(
        NURSE, BookingRequest("M004", "ibandronate", f"{today} 13:00", chair="Chair 2")
    )
    with pytest.raises(SchedulingConflictError, match="no nurse free to start an infusion at 13"):
        clinic.booking.set_status(NURSE, first.session.id, "booked")


def test_a_rota_change_is_saved_and_names_the_periods_now_over_capacity(
    clinic: Services,
) -> None:
    one_nurse(clinic)
    clinic.staffing.add_nurse(MANAGER, "Olga Other")
    clinic.staffing.set_shift(MANAGER, "Olga Other", DAY, "08:00", "16:00")
    clinic.booking.book(NURSE, zoledronic("M001", "10:00", "Chair 1"))
    clinic.booking.book(NURSE, zoledronic("M002", "10:00", "Chair 2"))
    change = clinic.staffing.remove_shift(MANAGER, "Olga Other", DAY)
    assert change.over == ("10:00-10:10", "10:55-11:00")
    assert clinic.staffing.day_load(DESK, DAY).over == change.over
    # Removing the day's last shift leaves the day without a rota: nothing checked, nothing over.
    assert clinic.staffing.remove_shift(MANAGER, "Nora Night", DAY).over == ()


# ---------------------------------------------------------------------- two desks racing


@pytest.mark.parametrize("round_", range(3))
def test_two_desks_racing_for_the_last_free_nurse_minute_exactly_one_wins(
    db_url: str, round_: int
) -> None:
    setup = open_services(db_url, clock=fixed_clock(NOW))
    setup.setup.init_clinic(ADMIN, name="Race clinic", timezone="Europe/London")
    for name in ("Chair 1", "Chair 2"):
        setup.setup.add_chair(ADMIN, name)
    for mrn in ("R1", "R2"):
        setup.setup.add_patient(DESK, mrn=mrn, name=f"Patient {mrn}", date_of_birth="1950-01-01")
    setup.staffing.add_nurse(MANAGER, "Nora Night")
    setup.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00")
    desks = [open_services(db_url, clock=fixed_clock(NOW), migrate=False) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def desk(index: int) -> None:
        mrn, chair = ("R1", "Chair 1") if index == 0 else ("R2", "Chair 2")
        barrier.wait()
        try:
            desks[index].booking.book(DESK, zoledronic(mrn, "10:00", chair))
            results[mrn] = "booked"
        except SchedulingConflictError as conflict:
            results[mrn] = conflict.kind

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results.values()) == sorted(["booked", ConflictKind.NURSE]), results
    assert setup.staffing.day_load(DESK, DAY).over == ()
    assert len(setup.queries.day(DESK, DAY).sessions) == 1
    for services in (*desks, setup):
        services.engine.dispose()


# ---------------------------------------------------------------------- assignment


def test_the_days_assignment_gives_every_session_a_nurse_and_a_nurse_sees_her_patients(
    clinic: Services,
) -> None:
    one_nurse(clinic)
    clinic.staffing.add_nurse(MANAGER, "Olga Other")
    clinic.staffing.set_shift(MANAGER, "Olga Other", DAY, "08:00", "16:00", ("13:00-13:30",))
    first = clinic.booking.book(NURSE, zoledronic("M001", "10:00", "Chair 1"))
    second = clinic.booking.book(NURSE, zoledronic("M002", "10:00", "Chair 2"))
    clinic.booking.book(NURSE, zoledronic("M003", "11:00", "Chair 3"))
    view = clinic.staffing.assignment(DESK, DAY)
    assert view.nurse_checked and view.uncovered == ()
    assert all(s.nurse in ("Nora Night", "Olga Other") for s in view.sessions)
    # Two set-ups at 10:00: one each.
    assert {view.sessions[0].nurse, view.sessions[1].nurse} == {"Nora Night", "Olga Other"}
    assert sum(len(n.session_ids) for n in view.nurses) >= 3
    mine = clinic.staffing.my_patients(NURSE, "Olga Other", DAY)
    assert {s.session_id for s in mine} <= {s.session_id for s in view.sessions}
    assert all(
        s.nurse == "Olga Other"
        or any(c.nurse == "Olga Other" and c.kind != "monitoring" for c in s.care)
        for s in mine
    )
    assert {s.session_id for s in view.sessions if s.nurse == "Olga Other"} <= {
        s.session_id for s in mine
    }
    # A nurse hands a patient over: stored, audited, kept.
    assert first.session.id is not None and second.session.id is not None
    current = next(s for s in view.sessions if s.session_id == first.session.id).nurse
    other = "Olga Other" if current == "Nora Night" else "Nora Night"
    moved = clinic.staffing.reassign(NURSE, first.session.id, other)
    assert moved.nurse == other and moved.chosen
    assert ("nurse_assignment", "assign") in {
        (e.entity, e.action) for e in clinic.audit.entries(ADMIN, limit=20)
    }
    with pytest.raises(PermissionDeniedError):
        clinic.staffing.reassign(DESK, first.session.id, current or "")
    clinic.staffing.add_nurse(MANAGER, "Pat Parttime")
    with pytest.raises(InvalidInputError, match="has no shift on 2026-11-25"):
        clinic.staffing.reassign(NURSE, first.session.id, "Pat Parttime")


def test_a_day_without_a_rota_assigns_nobody_and_says_why(clinic: Services) -> None:
    clinic.booking.book(NURSE, zoledronic("M001", "10:00", "Chair 1"))
    view = clinic.staffing.assignment(DESK, DAY)
    assert not view.nurse_checked and view.note.startswith("no nurse rota for 2026-11-25")
    assert [s.nurse for s in view.sessions] == [None] and view.uncovered == ()
