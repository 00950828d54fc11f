"""What the shells are told a session allows is what the booking service then does.

Every (status, target status, role) and every (status, role) move is tried on a real session
through the service; the answer of ``session_actions`` must match the outcome exactly.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.services.actor import Actor
from clinic_app.services.booking import STATUS_FLOW, BookingRequest
from clinic_app.services.session_actions import (
    MOVABLE_STATUSES,
    allowed_next_statuses,
    may_cancel,
    may_move,
    may_set_status,
)
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

# How a new session reaches each status (NOW is Monday 23 November 07:00; sessions are today).
PATHS = {
    "booked": (),
    "arrived": ("arrived",),
    "in-chair": ("in-chair",),
    "completed": ("in-chair", "completed"),
    "no-show": ("no-show",),
    "cancelled": ("cancelled",),
}
ACTORS = (DESK, NURSE, MANAGER)


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The rules asked here are the service's, not the database's: SQLite is enough."""
    return sqlite_url


@pytest.fixture
def session_in(services: Services) -> Callable[[str], int]:
    """A new session of a new patient, today, brought to the given status by a nurse."""
    services.setup.add_chair(ADMIN, "Chair 1")
    numbers = itertools.count()

    def make(status: str) -> int:
        number = next(numbers)
        mrn = f"S{number:03d}"
        services.setup.add_patient(
            DESK, mrn=mrn, name=f"Patient {number}", date_of_birth="1950-01-01"
        )
        # Denosumab takes 20 minutes: 30 a day fit in Chair 1, one after the other.
        minutes = 8 * 60 + 20 * number
        start = f"2026-11-23T{minutes // 60:02d}:{minutes % 60:02d}"
        outcome = services.booking.book(NURSE, BookingRequest(mrn, "denosumab", start, "Chair 1"))
        assert outcome.session.id is not None
        for step in PATHS[status]:
            change_status(services, NURSE, outcome.session.id, step)
        return outcome.session.id

    return make


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


@pytest.mark.parametrize("current", sorted(STATUS_FLOW))
def test_status_answers_match_the_service(
    services: Services, session_in: Callable[[str], int], current: str
) -> None:
    for target, actor in itertools.product(sorted(STATUS_FLOW), ACTORS):
        session_id = session_in(current)
        done = _succeeds(change_status, services, actor, session_id, target)
        assert may_set_status(actor, current, target) is done, (current, target, actor.role)
        if actor is NURSE:
            assert (target in allowed_next_statuses(current)) is done
    assert may_cancel(NURSE, current) is ("cancelled" in allowed_next_statuses(current))


@pytest.mark.parametrize("current", sorted(STATUS_FLOW))
@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.role.value)
def test_move_answers_match_the_service(
    services: Services, session_in: Callable[[str], int], current: str, actor: Actor
) -> None:
    session_id = session_in(current)
    moved = _succeeds(services.booking.move, actor, session_id, "2026-11-25T09:00")
    assert may_move(actor, current) is moved
    if actor is NURSE:
        assert (current in MOVABLE_STATUSES) is moved


def test_an_unknown_status_allows_nothing() -> None:
    assert allowed_next_statuses("lost") == frozenset()
    assert not may_set_status(NURSE, "lost", "booked")
