"""Clinic settings after init: administrators only, one transaction, audited before/after,
re-checked against future bookings (listed; refused unless confirmed; never dropped)."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clinic_settings import AffectedBookingsError
from tests.conftest import ADMIN, DESK, MANAGER, NURSE
from tests.db_counts import row_counts


def _book(clinic: Services, start: str, chair: str = "Chair 1", mrn: str = "M001") -> int:
    outcome = clinic.booking.book(DESK, BookingRequest(mrn, "denosumab", start, chair))
    return outcome.session.id


def _last_audit(clinic: Services, entity: str) -> tuple[str, object, object]:
    entry = next(e for e in clinic.audit.entries(ADMIN, limit=50) if e.entity == entity)
    return entry.action, entry.before, entry.after


def test_a_closed_date_lists_the_days_bookings_and_needs_a_confirmation(
    clinic: Services,
) -> None:
    sid = _book(clinic, "2026-12-24 10:00")
    preview = clinic.settings.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve", dry_run=True)
    assert not preview.applied
    assert [(a.kind, a.id, a.mrn, a.category) for a in preview.affected] == [
        ("session", sid, "M001", "hours")
    ]
    assert preview.affected[0].start.hour == 10  # clinic-local
    before = row_counts(clinic)
    with pytest.raises(AffectedBookingsError) as refused:
        clinic.settings.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve")
    assert "M001" in str(refused.value) and refused.value.affected == preview.affected
    assert row_counts(clinic) == before  # nothing written, nothing audited
    done = clinic.settings.add_closed_date(
        ADMIN, "2026-12-24", "Christmas Eve", accept_affected=True
    )
    assert done.applied and done.affected == preview.affected
    # The booking is kept (for rebooking), and listed as unworkable from now on.
    assert [a.id for a in clinic.settings.affected_bookings(DESK)] == [sid]
    action, _, after = _last_audit(clinic, "closed_date")
    assert action == "create"
    assert after == {
        "day": "2026-12-24",
        "reason": "Christmas Eve",
        "affected": [f"session {sid}"],
    }


def test_a_change_affecting_nothing_applies_at_once_and_can_be_undone(clinic: Services) -> None:
    change = clinic.settings.add_closed_date(ADMIN, date(2026, 12, 31), "New Year's Eve")
    assert change.applied and change.affected == ()
    view = clinic.settings.clinic_settings(DESK)
    assert [(c.day, c.reason) for c in view.closed_dates] == [
        (date(2026, 12, 31), "New Year's Eve")
    ]
    clinic.settings.remove_closed_date(ADMIN, "2026-12-31")
    assert clinic.settings.clinic_settings(DESK).closed_dates == ()
    action, before, after = _last_audit(clinic, "closed_date")
    assert (action, before, after) == (
        "remove",
        {"day": "2026-12-31", "reason": "New Year's Eve"},
        None,
    )


def test_shorter_hours_list_the_sessions_now_outside_them(clinic: Services) -> None:
    late = _book(clinic, "2026-11-30 15:00")  # a Monday
    _book(clinic, "2026-11-30 09:00", chair="Chair 2", mrn="M002")
    preview = clinic.settings.set_opening_hours(ADMIN, 0, "08:00", "13:00", dry_run=True)
    assert [a.id for a in preview.affected] == [late]
    assert "outside opening hours" in preview.affected[0].problem
    clinic.settings.set_opening_hours(ADMIN, 0, "08:00", "13:00", accept_affected=True)
    action, before, after = _last_audit(clinic, "opening_hours")
    assert action == "update"
    assert before == {"opens": "08:00:00", "closes": "18:00:00"}
    assert after == {"opens": "08:00:00", "closes": "13:00:00", "affected": [f"session {late}"]}


def test_a_weekday_can_be_closed_and_opened(clinic: Services) -> None:
    clinic.settings.set_opening_hours(ADMIN, 4, None, None)  # Fridays closed
    assert clinic.settings.clinic_settings(ADMIN).hours[4] is None
    clinic.settings.set_opening_hours(ADMIN, 6, "09:00", "12:00")
    sunday = clinic.settings.clinic_settings(ADMIN).hours[6]
    assert sunday is not None and sunday.opens.hour == 9


def test_a_retired_chair_takes_no_new_bookings_and_keeps_its_history(clinic: Services) -> None:
    sid = _book(clinic, "2026-11-25 10:00", chair="Chair 3")
    with pytest.raises(AffectedBookingsError):
        clinic.settings.retire_chair(ADMIN, "Chair 3")
    change = clinic.settings.retire_chair(ADMIN, "Chair 3", accept_affected=True)
    assert [(a.id, a.category, a.place) for a in change.affected] == [(sid, "chair", "Chair 3")]
    chairs = {c.name: c.active for c in clinic.settings.clinic_settings(ADMIN).chairs}
    assert chairs["Chair 3"] is False
    assert "Chair 3" not in [c.name for c in clinic.setup.chairs(DESK)]
    with pytest.raises(InvalidInputError):
        _book(clinic, "2026-11-26 10:00", chair="Chair 3")
    assert clinic.queries.sessions_between is not None
    clinic.settings.reinstate_chair(ADMIN, "Chair 3")
    assert clinic.settings.affected_bookings(ADMIN) == []


def test_a_chair_is_added_and_renamed_with_its_bookings(clinic: Services) -> None:
    sid = _book(clinic, "2026-11-25 10:00", chair="Chair 2")
    clinic.settings.add_chair(ADMIN, "Recliner")
    clinic.settings.rename_chair(ADMIN, "Chair 2", "Window")
    assert "Window" in [c.name for c in clinic.setup.chairs(DESK)]
    day = clinic.queries.day(DESK, "2026-11-25")
    assert [s.chair for s in day.sessions if s.id == sid] == ["Window"]
    with pytest.raises(InvalidInputError):
        clinic.settings.rename_chair(ADMIN, "Window", "Recliner")
    assert _last_audit(clinic, "chair")[1:] == ({"name": "Chair 2"}, {"name": "Window"})


def test_a_new_time_zone_lists_sessions_it_pushes_outside_the_hours(clinic: Services) -> None:
    early = _book(clinic, "2026-11-25 08:00")
    preview = clinic.settings.set_timezone(ADMIN, "Europe/Berlin", dry_run=True)
    # The session at 08:00 London is 09:00 Berlin: inside the hours. Its lab draw the day
    # before at 17:45 London becomes 18:45 Berlin: after closing, listed.
    assert [(a.kind, a.start.hour) for a in preview.affected] == [("lab draw", 18)]
    preview = clinic.settings.set_timezone(ADMIN, "America/New_York", dry_run=True)
    sessions = [a for a in preview.affected if a.kind == "session"]
    assert [a.id for a in sessions] == [early]
    assert sessions[0].start.hour == 3
    with pytest.raises(InvalidInputError):
        clinic.settings.set_timezone(ADMIN, "Mars/Olympus")
    clinic.settings.set_timezone(ADMIN, "Europe/Berlin", accept_affected=True)
    assert clinic.settings.clinic_settings(DESK).timezone == "Europe/Berlin"
    _, before, after = _last_audit(clinic, "clinic")
    assert before == {"timezone": "Europe/London"}
    assert isinstance(after, dict) and after["timezone"] == "Europe/Berlin"
    assert len(after["affected"]) == 1


def test_a_smaller_lab_station_lists_the_draws_over_capacity(clinic: Services) -> None:
    assert clinic.settings.clinic_settings(ADMIN).draws_per_slot == 2
    _book(clinic, "2026-11-26 10:00", chair="Chair 1", mrn="M001")
    _book(clinic, "2026-11-26 10:00", chair="Chair 2", mrn="M002")
    # Both draws land in the same slot (two per slot): one station place too few for one.
    preview = clinic.settings.set_lab_capacity(ADMIN, 1, dry_run=True)
    assert [(a.kind, a.mrn, a.category) for a in preview.affected] == [
        ("lab draw", "M002", "capacity")
    ]
    assert clinic.settings.set_lab_capacity(ADMIN, 2).affected == ()  # unchanged: nothing
    clinic.settings.set_lab_capacity(ADMIN, 3)
    assert _last_audit(clinic, "lab_station")[1:] == (
        {"draws_per_slot": 2},
        {"draws_per_slot": 3},
    )
    with pytest.raises(InvalidInputError):
        clinic.settings.set_lab_capacity(ADMIN, 0)


def test_bank_holidays_are_imported_for_the_country_and_years(clinic: Services) -> None:
    sid = _book(clinic, "2027-05-31 10:00")  # the Spring Bank Holiday in England
    preview = clinic.settings.import_bank_holidays(
        ADMIN, "GB", 2027, 2027, subdivision="ENG", dry_run=True
    )
    assert [a.id for a in preview.affected] == [sid]
    clinic.settings.add_closed_date(ADMIN, "2027-12-25", "Christmas (ours)")
    clinic.settings.import_bank_holidays(
        ADMIN, "GB", 2027, 2027, subdivision="ENG", accept_affected=True
    )
    closed = {c.day: c.reason for c in clinic.settings.clinic_settings(ADMIN).closed_dates}
    assert closed[date(2027, 5, 31)] == "Spring Bank Holiday"
    assert closed[date(2027, 12, 25)] == "Christmas (ours)"  # kept as it was
    assert closed[date(2027, 1, 1)] == "New Year's Day"
    _, _, after = _last_audit(clinic, "closed_date")
    assert isinstance(after, dict) and "2027-05-31" in after["days"]
    assert "2027-12-25" not in after["days"]
    with pytest.raises(InvalidInputError) as caught:
        clinic.settings.import_bank_holidays(ADMIN, "XX", 2027, 2027)
    assert caught.value.field == "country"
    with pytest.raises(InvalidInputError):
        clinic.settings.import_bank_holidays(ADMIN, "GB", 2027, 2040)


@pytest.mark.parametrize("actor", [DESK, NURSE, MANAGER], ids=lambda a: a.role.value)
def test_only_an_administrator_changes_settings(clinic: Services, actor: object) -> None:
    before = row_counts(clinic)
    before.pop("audit_log")  # each refusal is audited itself
    for attempt in (
        lambda: clinic.settings.add_closed_date(actor, "2026-12-24"),  # type: ignore[arg-type]
        lambda: clinic.settings.set_opening_hours(actor, 5, "09:00", "12:00"),  # type: ignore[arg-type]
        lambda: clinic.settings.set_timezone(actor, "Europe/Paris"),  # type: ignore[arg-type]
        lambda: clinic.settings.set_lab_capacity(actor, 3),  # type: ignore[arg-type]
        lambda: clinic.settings.retire_chair(actor, "Chair 1"),  # type: ignore[arg-type]
        lambda: clinic.settings.import_bank_holidays(actor, "GB", 2027, 2027),  # type: ignore[arg-type]
    ):
        with pytest.raises(PermissionDeniedError):
            attempt()
    after = row_counts(clinic)
    after.pop("audit_log")
    assert after == before
