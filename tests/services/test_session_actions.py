"""What the shells are told a session allows is what the booking service then does.

Every (status, target status, role) and every (status, role) move is tried on a real session
through the service, on a session today and on one tomorrow (whose day has not come: no visit
status yet); the answer of ``session_actions`` must match the outcome exactly.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.services.actor import Actor
from clinic_app.services.booking import STATUS_FLOW, BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.results import SessionView
from clinic_app.services.session_actions import (
    MOVABLE_STATUSES,
    may_cancel,
    may_move,
    may_set_status,
)
from tests.conftest import ADMIN, DESK, MANAGER, NOW, NURSE

# How a new session reaches each status (NOW is Monday 23 November 07:00). A session tomorrow
# takes its visit statuses with the clock on its day, and is then looked at from today again.
PATHS = {
    "booked": (),
    "arrived": ("arrived",),
    "in-chair": ("in-chair",),
    "completed": ("in-chair", "completed"),
    "no-show": ("no-show",),
    "cancelled": ("cancelled",),
}
ACTORS = (DESK, NURSE, MANAGER)
DAYS = {"today": NOW.date(), "tomorrow": NOW.date() + timedelta(days=1)}
SessionIn = Callable[[str, date], int]


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The rules asked here are the service's, not the database's: SQLite is enough."""
    return sqlite_url


@pytest.fixture
def session_in(services: Services) -> SessionIn:
    """A new session of a new patient on ``day``, brought to the given status by a nurse."""
    services.setup.add_chair(ADMIN, "Chair 1")
    numbers = itertools.count()

    def make(status: str, day: date) -> int:
        number = next(numbers)
        mrn = f"S{number:03d}"
        services.setup.add_patient(
            DESK, mrn=mrn, name=f"Patient {number}", date_of_birth="1950-01-01"
        )
        # Denosumab takes 20 minutes: 30 a day fit in Chair 1, one after the other.
        minutes = 8 * 60 + 20 * number
        start = f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"
        outcome = services.booking.book(NURSE, BookingRequest(mrn, "denosumab", start, "Chair 1"))
        assert outcome.session.id is not None
        services.ctx.clock = fixed_clock(NOW.replace(day=day.day))
        try:
            for step in PATHS[status]:
                change_status(services, NURSE, outcome.session.id, step)
        finally:
            services.ctx.clock = fixed_clock(NOW)
        return outcome.session.id

    return make


def view_of(services: Services, session_id: int, day: date) -> SessionView:
    """The session as a screen shows it (the day list's view)."""
    return next(s for s in services.queries.day(NURSE, day).sessions if s.id == session_id)


def change_status(services: Services, actor: Actor, session_id: int, target: str) -> object:
    """A status change where only the status table and the role decide: the check-in gate's
    R1 (no calcium on file for denosumab) gets a nurse's override, as on a real check-in."""
    if actor is NURSE and target in ("arrived", "in-chair"):
        return services.booking.set_status(
            actor, session_id, target, override_reason="calcium phoned through", consulted="GP"
        )
    return services.booking.set_status(actor, session_id, target)


def _succeeds(action: Callable[..., object], *args: object) -> bool:
    try:
        action(*args)
    except ClinicError:
        return False
    return True


def test_the_paths_cover_every_status() -> None:
    assert set(PATHS) == set(STATUS_FLOW)


@pytest.mark.parametrize("day", sorted(DAYS))
@pytest.mark.parametrize("current", sorted(STATUS_FLOW))
def test_status_answers_match_the_service(
    services: Services, session_in: SessionIn, current: str, day: str
) -> None:
    booking = services.booking
    for target, actor in itertools.product(sorted(STATUS_FLOW), ACTORS):
        session_id = session_in(current, DAYS[day])
        view = view_of(services, session_id, DAYS[day])
        assert view.status == current
        offered = may_set_status(booking, actor, view, target)
        done = _succeeds(change_status, services, actor, session_id, target)
        assert offered is done, (current, target, actor.role, day)
        if actor is NURSE:
            assert (target in booking.next_statuses(view)) is done
    view = view_of(services, session_in(current, DAYS[day]), DAYS[day])
    assert may_cancel(booking, NURSE, view) is ("cancelled" in booking.next_statuses(view))


def test_tomorrows_session_is_not_offered_arrived(
    services: Services, session_in: SessionIn
) -> None:
    """The day rule is part of the answer: a session tomorrow can be cancelled, not marked
    arrived, in chair or no-show, which the service would refuse."""
    tomorrow = DAYS["tomorrow"]
    view = view_of(services, session_in("booked", tomorrow), tomorrow)
    for status in ("arrived", "in-chair", "no-show"):
        assert not may_set_status(services.booking, NURSE, view, status), status
    assert may_cancel(services.booking, NURSE, view)
    assert view.id is not None
    with pytest.raises(InvalidInputError, match="has not come yet"):
        services.booking.set_status(NURSE, view.id, "arrived")
    # On its day the same session may arrive.
    services.ctx.clock = fixed_clock(NOW.replace(day=tomorrow.day))
    assert may_set_status(services.booking, NURSE, view, "arrived")


@pytest.mark.parametrize("current", sorted(STATUS_FLOW))
@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.role.value)
def test_move_answers_match_the_service(
    services: Services, session_in: SessionIn, current: str, actor: Actor
) -> None:
    session_id = session_in(current, DAYS["today"])
    moved = _succeeds(services.booking.move, actor, session_id, "2026-11-25T09:00")
    assert may_move(actor, current) is moved
    if actor is NURSE:
        assert (current in MOVABLE_STATUSES) is moved


def test_an_unknown_status_allows_nothing(services: Services, session_in: SessionIn) -> None:
    view = view_of(services, session_in("booked", DAYS["today"]), DAYS["today"])
    lost = dataclasses.replace(view, status="lost")
    assert services.booking.next_statuses(lost) == ()
    assert not any(may_set_status(services.booking, NURSE, lost, s) for s in STATUS_FLOW)
