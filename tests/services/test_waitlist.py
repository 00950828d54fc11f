"""The waitlist (issue 14): entries, offers of a freed slot to the first waiting patient whom
every rule allows there, and booking an offer in one step. On SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import (
    InvalidInputError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW, NURSE

SLOT_DAY = date(2026, 11, 26)  # a Thursday, three days after the fixed "now"
SLOT = f"{SLOT_DAY} 10:00"


def _cancelled_session(clinic: Services) -> int:
    outcome = clinic.booking.book(
        DESK, BookingRequest("M004", "zoledronic-acid", SLOT, chair="Chair 1")
    )
    assert outcome.session.id is not None
    clinic.booking.cancel(DESK, outcome.session.id, "patient moved away")
    return outcome.session.id


def _refused_on_the_slot(clinic: Services) -> int:
    """M001 on denosumab last month: IV iron on the slot's day is refused (as in the feed test)."""
    clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-11-01")
    entry = clinic.waitlist.add(
        DESK, "M001", "ferric-carboxymaltose", "2026-11-24", "2026-12-31", note="first to join"
    )
    assert not clinic.booking.check(
        DESK, BookingRequest("M001", "ferric-carboxymaltose", SLOT, chair="Chair 1")
    ).ok
    return entry.id


def test_a_cancellation_is_offered_to_the_first_patient_the_rules_allow(clinic: Services) -> None:
    refused = _refused_on_the_slot(clinic)
    fits = clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-24", "2026-12-31")
    later = clinic.waitlist.add(NURSE, "M003", "zoledronic-acid", "2026-11-24", "2026-12-31")
    session_id = _cancelled_session(clinic)

    offer = clinic.waitlist.offer_for_session(DESK, session_id)

    assert offer is not None
    assert offer.entry.id == fits.id != refused
    assert offer.entry.id != later.id
    assert offer.chair == "Chair 1"
    assert offer.start.strftime("%Y-%m-%d %H:%M") == SLOT


def test_take_books_the_offer_and_marks_the_entry_in_one_step(clinic: Services) -> None:
    entry = clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-24", "2026-12-31")
    session_id = _cancelled_session(clinic)
    offer = clinic.waitlist.offer_for_session(DESK, session_id)
    assert offer is not None

    outcome = clinic.waitlist.take(DESK, offer.entry.id, offer.chair, offer.start)

    assert outcome.session.mrn == "M002"
    assert outcome.session.chair == "Chair 1"
    (booked,) = [e for e in clinic.waitlist.entries(MANAGER, include_closed=True)]
    assert booked.id == entry.id
    assert booked.status == "booked"
    assert booked.session_id == outcome.session.id
    assert clinic.waitlist.entries(MANAGER) == []
    trail = [(e.action, e.entity_id) for e in clinic.audit.entries(MANAGER)]
    assert ("waitlist-book", entry.id) in trail
    # The slot is taken now: nobody else is offered it.
    clinic.waitlist.add(DESK, "M003", "zoledronic-acid", "2026-11-24", "2026-12-31")
    assert clinic.waitlist.offer_slot(DESK, "Chair 1", offer.start) is None


def test_a_refused_take_changes_nothing(clinic: Services) -> None:
    refused = _refused_on_the_slot(clinic)
    with pytest.raises(RuleRefusalError):
        clinic.waitlist.take(DESK, refused, "Chair 1", SLOT)
    (entry,) = clinic.waitlist.entries(DESK)
    assert entry.status == "waiting" and entry.session_id is None
    assert clinic.queries.day(DESK, SLOT_DAY).sessions == ()


def test_take_refuses_a_slot_outside_the_entrys_dates(clinic: Services) -> None:
    entry = clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-12-01", "2026-12-31")
    with pytest.raises(InvalidInputError, match="outside the entry's dates"):
        clinic.waitlist.take(DESK, entry.id, "Chair 1", SLOT)
    assert clinic.queries.day(DESK, SLOT_DAY).sessions == ()


def test_dates_and_preferences_limit_the_offer(clinic: Services) -> None:
    clinic.waitlist.add(DESK, "M001", "zoledronic-acid", "2026-12-01", "2026-12-31")
    clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-24", "2026-12-31", weekdays="0")
    clinic.waitlist.add(
        DESK, "M003", "zoledronic-acid", "2026-11-24", "2026-12-31", preferred_from="13:00"
    )
    assert clinic.waitlist.offer_slot(DESK, "Chair 1", SLOT) is None
    last = clinic.waitlist.add(DESK, "M004", "zoledronic-acid", "2026-11-24", "2026-12-31")
    offer = clinic.waitlist.offer_slot(DESK, "Chair 1", SLOT)
    assert offer is not None and offer.entry.id == last.id


def test_expired_entries_are_shown_expired_and_never_offered(clinic: Services, db_url: str) -> None:
    clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-23", "2026-11-24")
    later = open_services(db_url, clock=fixed_clock(NOW.replace(day=30)))
    try:
        (entry,) = later.waitlist.entries(DESK)
        assert entry.status == "expired"
        assert later.waitlist.offer_slot(DESK, "Chair 1", "2026-12-01 10:00") is None
        with pytest.raises(InvalidInputError, match="expired"):
            later.waitlist.take(DESK, entry.id, "Chair 1", "2026-11-24 10:00")
    finally:
        later.engine.dispose()


def test_withdraw_and_roles(clinic: Services) -> None:
    entry = clinic.waitlist.add(DESK, "M002", "zoledronic-acid", "2026-11-24", "2026-12-31")
    with pytest.raises(PermissionDeniedError):
        clinic.waitlist.add(MANAGER, "M003", "zoledronic-acid", "2026-11-24", "2026-12-31")
    with pytest.raises(PermissionDeniedError):
        clinic.waitlist.withdraw(MANAGER, entry.id)
    assert [e.id for e in clinic.waitlist.entries(MANAGER)] == [entry.id]
    with pytest.raises(PermissionDeniedError):  # an offer is a booking's dry run
        clinic.waitlist.offer_slot(MANAGER, "Chair 1", SLOT)
    withdrawn = clinic.waitlist.withdraw(NURSE, entry.id, "booked elsewhere")
    assert withdrawn.status == "withdrawn"
    assert clinic.waitlist.entries(DESK) == []
    assert clinic.waitlist.offer_slot(DESK, "Chair 1", SLOT) is None
    with pytest.raises(InvalidInputError, match="withdrawn"):
        clinic.waitlist.withdraw(DESK, entry.id)
    trail = [(e.action, e.entity_id) for e in clinic.audit.entries(MANAGER)]
    assert ("waitlist-add", entry.id) in trail
    assert ("waitlist-withdraw", entry.id) in trail


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"earliest": "2026-12-31", "latest": "2026-12-01"}, "before the earliest"),
        ({"latest": "2026-11-01", "earliest": "2026-10-01"}, "has passed"),
        ({"weekdays": "7"}, "weekdays"),
        ({"preferred_from": "14:00", "preferred_until": "09:00"}, "end before"),
        ({"therapy": "alendronate"}, "outside exposure"),
    ],
)
def test_add_refuses_bad_input(clinic: Services, kwargs: dict[str, str], message: str) -> None:
    args = {"therapy": "zoledronic-acid", "earliest": "2026-11-24", "latest": "2026-12-31"}
    args.update(kwargs)
    with pytest.raises(InvalidInputError, match=message):
        clinic.waitlist.add(DESK, "M002", **args)  # type: ignore[arg-type]
    assert clinic.waitlist.entries(DESK) == []


# ---------------------------------------------------------------------- property: offers book


class _Rollback(Exception):
    """Ends one generated example: its transaction rolls back, the clinic stays as it was."""


THERAPIES = ("zoledronic-acid", "denosumab", "ibandronate", "ferric-carboxymaltose", "iron-sucrose")
EXPOSED_DRUGS = ("denosumab", "zoledronic-acid", "ibandronate", "ferric-carboxymaltose")

_patient = st.fixed_dictionaries(
    {
        "therapy": st.sampled_from(THERAPIES),
        "exposures": st.lists(
            st.tuples(st.sampled_from(EXPOSED_DRUGS), st.integers(min_value=1, max_value=800)),
            max_size=2,
        ),
        # A session already booked for the patient: days from the slot's day (None: none).
        "booked": st.one_of(st.none(), st.tuples(st.sampled_from(THERAPIES), st.integers(-20, 20))),
        "earliest": st.integers(min_value=0, max_value=10),
        "span": st.integers(min_value=0, max_value=30),
    }
)


@pytest.mark.in_process("runs each example in one transaction rolled back afterwards")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    waitlist=st.lists(_patient, min_size=1, max_size=5),
    day_offset=st.integers(min_value=1, max_value=14),
    hour=st.integers(min_value=8, max_value=15),
    chair=st.sampled_from(("Chair 1", "Chair 2")),
)
def test_every_offer_books_without_an_override(
    services: Services,
    waitlist: list[dict[str, object]],
    day_offset: int,
    hour: int,
    chair: str,
) -> None:
    """Generated waitlists and exposures: whatever is offered books through
    ``BookingService.book`` with no override, and every entry ahead of it would not."""
    if not services.setup.chairs(DESK):
        for name in ("Chair 1", "Chair 2"):
            services.setup.add_chair(ADMIN, name)
    slot_day = NOW.date() + timedelta(days=day_offset)
    start = f"{slot_day} {hour:02d}:00"
    try:
        with services.one_transaction() as tx:
            entries = []
            for number, person in enumerate(waitlist):
                mrn = f"P{number:03d}"
                tx.setup.add_patient(
                    DESK, mrn=mrn, name=f"Pat {number}", date_of_birth="1950-01-01"
                )
                for drug, days_ago in person["exposures"]:  # type: ignore[attr-defined]
                    tx.setup.add_exposure(
                        DESK, mrn=mrn, drug=drug, last_dose=NOW.date() - timedelta(days=days_ago)
                    )
                if person["booked"] is not None:
                    therapy, shift = person["booked"]  # type: ignore[misc]
                    when = slot_day + timedelta(days=shift)
                    if when > NOW.date():
                        # An existing booking is scenery: refused, it is left out.
                        with contextlib.suppress(RuleRefusalError, SchedulingConflictError):
                            tx.booking.book(
                                DESK, BookingRequest(mrn, therapy, f"{when} 09:00", chair="Chair 2")
                            )
                first = NOW.date() + timedelta(days=int(person["earliest"]))  # type: ignore[call-overload]
                entries.append(
                    tx.waitlist.add(
                        DESK,
                        mrn,
                        str(person["therapy"]),
                        first,
                        first + timedelta(days=int(person["span"])),  # type: ignore[call-overload]
                    )
                )
            offer = tx.waitlist.offer_slot(DESK, chair, start)
            event("offered" if offer is not None else "nobody fits")
            for entry in entries:
                if offer is not None and entry.id == offer.entry.id:
                    break
                if entry.earliest <= slot_day <= entry.latest:
                    ahead = tx.booking.check(
                        DESK, BookingRequest(entry.mrn, entry.therapy, start, chair=chair)
                    )
                    assert not ahead.ok, (entry, ahead)
            if offer is not None:
                assert offer.entry.earliest <= slot_day <= offer.entry.latest
                outcome = tx.booking.book(
                    DESK, BookingRequest(offer.entry.mrn, offer.entry.therapy, start, chair=chair)
                )
                assert outcome.session.start == offer.start
                assert all(f.overridden_by is None for f in outcome.findings)
            raise _Rollback
    except _Rollback:
        pass


@pytest.mark.postgres
def test_postgres_the_server_role_keeps_the_waitlist(pg_url: str) -> None:
    """The grants of migration 0014: the clinic server's app role (the only login besides the
    owner) adds an entry, offers and books it; its audit rows name the desk's user."""
    from sqlalchemy import text

    from clinic_app.services.actor import Actor, Role
    from tests.conftest import app_role_url, login_name

    password = "a long password 1"
    owner = open_services(pg_url, clock=fixed_clock(NOW))
    admin_name, desk_name = login_name("ada"), login_name("fred")
    admin = owner.auth.create_first_admin(admin_name, password)
    owner.auth.add_user(admin, desk_name, "front-desk", password)
    owner.engine.dispose()
    server = open_services(
        app_role_url(pg_url), clock=fixed_clock(NOW), create=False, migrate=False
    )
    try:
        server.setup.init_clinic(admin, name="Test clinic", timezone="Europe/London")
        server.setup.add_chair(admin, "Chair 1")
        fred = Actor(desk_name, Role.FRONT_DESK)
        server.setup.add_patient(fred, mrn="M002", name="Bob Baker", date_of_birth="1950-01-01")
        entry = server.waitlist.add(fred, "M002", "zoledronic-acid", "2026-11-26", "2026-12-31")
        offer = server.waitlist.offer_slot(fred, "Chair 1", "2026-11-26 10:00")
        assert offer is not None and offer.entry.id == entry.id
        server.waitlist.take(fred, entry.id, "Chair 1", "2026-11-26 10:00")
        (shown,) = server.waitlist.entries(fred, include_closed=True)
        assert shown.status == "booked"
        with server.engine.connect() as conn:
            actors = (
                conn.execute(
                    text("SELECT DISTINCT actor FROM audit_log WHERE entity = 'waitlist_entries'")
                )
                .scalars()
                .all()
            )
        assert set(actors) == {desk_name}
    finally:
        server.engine.dispose()
