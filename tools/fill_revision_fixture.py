"""Make one schema-revision fixture database with an OLD version of clinic_app's own code.

Run by ``tools/make_revision_fixtures.py`` with ``PYTHONPATH`` set to a checkout of the commit
whose code wrote that revision, so every ``clinic_app`` import below is that commit's code:
its migrations (up to ``REVISION`` only), its services, its models. It puts a few rows in
every table that revision has: through that version's services where they run (``services``
mode), else through that version's ORM models and unit of work (``models`` mode: the commits
whose head was 0001 or 0002 had no runnable services yet; the rule engine came with 0003).
What a version's services can do is found by looking (``hasattr``, parameters), never by the
revision number: a step a version cannot take is skipped, so one filler serves every commit.

    PYTHONPATH=<old checkout> python tools/fill_revision_fixture.py DATABASE REVISION CHECKOUT MODE
"""

from __future__ import annotations

import inspect
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from alembic import command

import clinic_app
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=LONDON)  # a Monday, before the clinic opens
PASSWORD = "fixture password 1"


def main(database: Path, revision: str, source: Path, mode: str) -> None:
    """Migrate a new file to ``revision`` with the old code, then fill it with that code."""
    assert Path(clinic_app.__file__).resolve().is_relative_to(source), clinic_app.__file__
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    if mode == "services":
        engine.dispose()
        fill_through_services(url)
    else:
        fill_through_models(engine)
        engine.dispose()
    check_and_compact(database, revision)


class MovableClock:
    """A fixed clock the filler moves forward: results are recorded after their draw, a
    check-in happens on its session's day. Old versions only ever see ``NOW``."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def at(self, text: str) -> None:
        """Move to ``text``, local clinic time (never back)."""
        moment = datetime.fromisoformat(text).replace(tzinfo=LONDON)
        assert moment >= self.moment, (moment, self.moment)
        self.moment = moment


def accepts(function: Any, parameter: str) -> bool:
    """Whether this version's ``function`` (or dataclass) takes ``parameter``."""
    return parameter in inspect.signature(function).parameters


def fill_through_services(url: str) -> None:
    """The clinic as that version's front desk, nurse and administrator would have made it."""
    from clinic_app.bootstrap import open_services
    from clinic_app.persistence.models import RuleSettingRow
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.booking import BookingRequest

    clock = MovableClock(NOW)
    services = open_services(url, clock=clock, migrate=False)
    if hasattr(services, "auth"):  # users arrived with revision 0003
        admin = services.auth.create_first_admin("ada.admin", PASSWORD, "Ada Admin")
        services.auth.add_user(admin, "nina.nurse", "nurse", PASSWORD, "Nina Nurse")
        services.auth.add_user(admin, "fred.desk", "front-desk", PASSWORD, "Fred Desk")
        nurse = services.auth.authenticate("nina.nurse", PASSWORD)
        desk = services.auth.authenticate("fred.desk", PASSWORD)
    else:
        admin = Actor("ada.admin", Role.ADMIN)
        nurse = Actor("nina.nurse", Role.NURSE)
        desk = Actor("fred.desk", Role.FRONT_DESK)

    setup, booking = services.setup, services.booking
    # Revision 0007: an override names the prescriber consulted (the service then requires
    # it), and a session names its prescriber.
    consulted = {"consulted": "Dr Hana Hughes, haematology"}
    prescriber = (
        {
            "prescriber": "Dr Priya Patel",
            "prescriber_practice": "Riverside Surgery",
            "prescriber_contact": "01632 960123",
        }
        if accepts(BookingRequest, "prescriber")
        else {}
    )
    setup.init_clinic(admin, name="Fixture clinic", timezone="Europe/London")
    setup.add_chair(admin, "Chair 1")
    setup.add_chair(admin, "Chair 2")
    setup.add_closed_date(admin, "2026-12-25", "Christmas Day")
    setup.add_patient(desk, mrn="F001", name="Alice Archer", date_of_birth="1950-03-14", sex="F")
    setup.add_patient(
        desk, mrn="F002", name="Bob Baker", date_of_birth="1948-07-01", phone="01632 960000"
    )
    setup.add_patient(desk, mrn="F003", name="Carol Cooper", date_of_birth="1962-11-30")
    setup.add_exposure(desk, mrn="F001", drug="denosumab", last_dose="2026-10-01", where="GP")
    setup.add_exposure(desk, mrn="F002", drug="alendronate", ongoing_since="2025-01-01")
    # Labs and their links: zoledronic acid needs calcium and creatinine before it.
    zoledronic = booking.book(
        desk,
        BookingRequest("F003", "zoledronic-acid", "2026-11-26T09:00", "Chair 1", **prescriber),
    )
    # A clinical override (iron in a patient on denosumab), with its findings.
    iron = booking.book(
        nurse,
        BookingRequest(
            "F001",
            "ferric-carboxymaltose",
            "2026-12-01T10:00",
            "Chair 2",
            override_reason="Hb 70; haematology agrees",
            **(consulted if accepts(BookingRequest, "consulted") else {}),
        ),
    )
    # A session that was cancelled, and one whose patient has arrived.
    cancelled = booking.book(desk, BookingRequest("F002", "ibandronate", "2026-11-24T11:00"))
    booking.cancel(desk, cancelled.session.id, "patient unwell")
    today = booking.book(desk, BookingRequest("F002", "denosumab", "2026-11-23T09:00", "Chair 2"))
    if accepts(booking.set_status, "override_reason"):
        # The check-in gate (0006 on) wants a calcium on file before denosumab (R1); his was
        # drawn at the GP's, so the nurse overrides it at check-in.
        booking.set_status(
            nurse,
            today.session.id,
            "arrived",
            override_reason="calcium 2.31 on 2026-11-16 at the GP; letter seen",
            **(consulted if accepts(booking.set_status, "consulted") else {}),
        )
    else:
        booking.set_status(nurse, today.session.id, "arrived")
    if hasattr(setup, "set_clinic_phone"):  # revision 0007
        setup.set_clinic_phone(admin, "01632 960999")
    if hasattr(services, "sessions"):  # revision 0008: clinic-server sessions, failed logins
        fill_sessions(services)
    if hasattr(services, "idempotency"):  # revision 0009: a write's stored response
        fill_idempotency(services, desk)
    if accepts(setup.add_exposure, "last_dose_unknown"):  # revision 0006
        setup.add_patient(desk, mrn="F004", name="Dan Dawson", date_of_birth="1955-05-05")
        setup.add_exposure(
            desk, mrn="F004", drug="zoledronic-acid", last_dose_unknown=True, where="hospital"
        )
    # Before the results move the clock on: the rota of a past day cannot change.
    if hasattr(services, "staffing"):  # revision 0012: nurses, shifts, breaks, assignments
        fill_staffing(services, admin, nurse, iron)
    if hasattr(services.auth, "require_password_change"):  # revision 0013
        services.auth.require_password_change(admin, "fred.desk")
    if hasattr(services, "waitlist"):  # revision 0014: a patient waiting for an earlier slot
        services.waitlist.add(
            desk, "F002", "denosumab", "2026-12-02", "2027-01-29", weekdays="012", note="mornings"
        )
    if hasattr(services, "lab_results"):  # revision 0006: results, weights, alerts
        fill_results(services, clock, nurse, zoledronic, iron)
    if hasattr(services, "templates"):  # revision 0015: two template builds, one superseded
        clock.at("2026-12-14T07:00")  # the sessions booked above are history now
        services.templates.build(admin, weeks=4, time_limit_s=1)
        services.templates.build(admin, weeks=4, time_limit_s=1)
    # Last: a changed rule re-checks every booked session.
    if hasattr(services, "rule_settings"):
        services.rule_settings.change(admin, "E3", {"window": {"weeks": 16}})
    else:
        # No service wrote rule settings yet in these versions: the model of the same
        # version does.
        with services.ctx.db.write() as uow:
            uow.session.add(
                RuleSettingRow(
                    rule_id="E3",
                    value_json='{"window": {"weeks": 16}}',
                    changed_by=admin.username,
                    changed_at=NOW,
                )
            )
            uow.commit()
    services.engine.dispose()


def fill_staffing(services: Any, admin: Any, nurse: Any, iron: Any) -> None:
    """Two nurses on the iron day's rota (one with a break), the ratio, and the iron session
    handed to a nurse by hand."""
    staffing = services.staffing
    staffing.add_nurse(admin, "Nora Night")
    staffing.add_nurse(admin, "Dora Day")
    staffing.set_shift(admin, "Nora Night", "2026-12-01", "08:00", "18:00", ("12:30-13:00",))
    staffing.set_shift(admin, "Dora Day", "2026-12-01", "08:00", "16:00")
    staffing.set_nurse_ratio(admin, 3)
    staffing.reassign(nurse, iron.session.id, "Dora Day")


def fill_sessions(services: Any) -> None:
    """A session left open, one logged out, and a failed login (its rate-limit row)."""
    from clinic_app.services.auth import AuthenticationError

    services.sessions.login("fred.desk", PASSWORD, client="10.0.0.21")
    ended = services.sessions.login("nina.nurse", PASSWORD, client="10.0.0.22")
    services.sessions.logout(ended.token)
    try:
        services.sessions.login("fred.desk", "not the password", client="10.0.0.23")
    except AuthenticationError:
        pass
    else:
        raise AssertionError("a wrong password logged in")


def fill_idempotency(services: Any, desk: Any) -> None:
    """The stored response of a write made through the clinic server, under its key."""
    from clinic_app.services.idempotency import StoredResponse

    services.idempotency.remember(
        desk,
        "0b7c4a52-3f0e-4c1e-9d0a-5e6f7a8b9c0d",
        StoredResponse("/api/v1/setup/add_chair", "ab" * 32, 403, '{"error": {}}'),
    )


def fill_results(
    services: Any, clock: MovableClock, nurse: Any, zoledronic: Any, iron: Any
) -> None:
    """Results on the draws booked above, as the days pass: an iron dose the check-in gate
    lets through on fresh results, then a low follow-up result that raises alerts."""
    from clinic_app.services.lab_results import ResultEntry

    results, booking = services.lab_results, services.booking

    def draw(outcome: Any, before: bool) -> Any:
        """The session's draw just before it, or its first follow-up draw after it."""
        start = outcome.session.start
        labs = [lab for lab in outcome.labs if (lab.start < start) == before]
        return (max if before else min)(labs, key=lambda lab: lab.start)

    carol_draw = draw(zoledronic, before=True)
    clock.moment = max(clock.moment, carol_draw.end)
    results.record_results(
        nurse,
        carol_draw.id,
        [ResultEntry("calcium", 2.34, "mmol/L"), ResultEntry("creatinine", 72, "umol/L")],
    )
    results.record_weight(nurse, "F003", 68.5)
    # Alice's draw before her iron (E5/D5): with a phosphate on file and fresh (R1, D5p) the
    # gate lets her in without a new override.
    alice_draw = draw(iron, before=True)
    clock.moment = max(clock.moment, alice_draw.end)
    results.record_results(
        nurse,
        alice_draw.id,
        [
            ResultEntry("calcium", 2.31, "mmol/L"),
            ResultEntry("phosphate", 1.02, "mmol/L"),
            ResultEntry("creatinine", 64, "umol/L"),
        ],
    )
    clock.at("2026-12-01T09:55")
    booking.set_status(nurse, iron.session.id, "arrived")
    results.record_weight(nurse, "F001", 61.2)
    booking.set_status(nurse, iron.session.id, "in-chair")
    clock.at("2026-12-01T11:00")
    booking.set_status(nurse, iron.session.id, "completed")
    # The first follow-up draw after the iron (E6): a severely low phosphate raises R3
    # (URGENT) and R2 (ALERT); the nurse acknowledges the urgent one with a note.
    follow_up = draw(iron, before=False)
    clock.moment = max(clock.moment, follow_up.end)
    outcome = results.record_results(
        nurse,
        follow_up.id,
        [ResultEntry("phosphate", 0.30, "mmol/L", "LL"), ResultEntry("calcium", 2.12, "mmol/L")],
    )
    assert sorted(a.level for a in outcome.alerts) == ["ALERT", "URGENT"], outcome.alerts
    urgent = next(a for a in outcome.alerts if a.level == "URGENT")
    results.acknowledge(nurse, urgent.id, "prescriber called; phosphate replacement started")


def fill_through_models(engine: Any) -> None:
    """The same clinic written row by row with that version's models (no services ran yet)."""
    from datetime import date, time

    from clinic_app.persistence import models as m
    from clinic_app.persistence.unit_of_work import Database

    def at(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=LONDON)

    created = NOW
    with Database(engine).write() as uow:
        s = uow.session
        s.add(m.ClinicSettingsRow(id=1, name="Fixture clinic", timezone="Europe/London"))
        for weekday in range(5):
            s.add(m.OpeningHoursRow(weekday=weekday, opens=time(8), closes=time(18)))
        s.add(m.ClosedDateRow(day=date(2026, 12, 25), reason="Christmas Day"))
        chair1 = m.ChairRow(name="Chair 1", active=True, sort_order=1)
        chair2 = m.ChairRow(name="Chair 2", active=True, sort_order=2)
        station = m.LabStationRow(name="Lab", draws_per_slot=2, slot_minutes=15)
        alice = m.PatientRow(
            mrn="F001",
            name="Alice Archer",
            date_of_birth=date(1950, 3, 14),
            sex="F",
            notes="",
            created_at=created,
        )
        bob = m.PatientRow(
            mrn="F002",
            name="Bob Baker",
            date_of_birth=date(1948, 7, 1),
            phone="01632 960000",
            notes="",
            created_at=created,
        )
        carol = m.PatientRow(
            mrn="F003",
            name="Carol Cooper",
            date_of_birth=date(1962, 11, 30),
            notes="",
            created_at=created,
        )
        s.add_all([chair1, chair2, station, alice, bob, carol])
        s.flush()
        s.add(
            m.ExposureRow(
                patient_id=alice.id,
                drug_code="denosumab",
                last_dose_date=date(2026, 10, 1),
                where_given="GP",
                removed=False,
                created_at=created,
            )
        )
        s.add(
            m.ExposureRow(
                patient_id=bob.id,
                drug_code="alendronate",
                ongoing_since=date(2025, 1, 1),
                where_given="",
                removed=False,
                created_at=created,
            )
        )

        def session(
            patient: Any,
            chair: Any,
            therapy: str,
            start: str,
            minutes: int,
            status: str = "booked",
            reason: str = "",
        ) -> Any:
            begin = at(start)
            row = m.SessionRow(
                patient_id=patient.id,
                chair_id=chair.id,
                therapy_code=therapy,
                start_utc=begin,
                end_utc=begin + timedelta(minutes=minutes),
                status=status,
                status_reason=reason,
                created_by="fred.desk",
                created_at=created,
                updated_at=created,
            )
            s.add(row)
            s.flush()
            return row

        zoledronic = session(carol, chair1, "zoledronic-acid", "2026-11-26T09:00", 60)
        iron = session(alice, chair2, "ferric-carboxymaltose", "2026-12-01T10:00", 60)
        session(bob, chair1, "ibandronate", "2026-11-24T11:00", 30, "cancelled", "patient unwell")
        session(bob, chair2, "denosumab", "2026-11-23T09:00", 15, "arrived")
        override = m.OverrideRow(
            session_id=iron.id,
            rule_id="E3",
            message="Patient is on denosumab",
            overridden_by="nina.nurse",
            reason="Hb 70; haematology agrees",
            at_utc=created,
        )
        s.add(override)
        s.flush()
        s.add(
            m.SessionFindingRow(
                session_id=iron.id,
                rule_id="E3",
                severity="BLOCK",
                message="Patient is on denosumab",
                evidence="L",
                override_id=override.id,
            )
        )
        s.add(
            m.SessionFindingRow(
                session_id=iron.id,
                rule_id="E2",
                severity="WARN",
                message="Patient is on antiresorptive therapy",
                evidence="L",
            )
        )
        lab = m.LabAppointmentRow(
            patient_id=carol.id,
            station_id=station.id,
            tests="calcium,creatinine",
            due_from=date(2026, 10, 27),
            due_to=date(2026, 11, 25),
            start_utc=at("2026-11-25T08:00"),
            end_utc=at("2026-11-25T08:15"),
            status="booked",
            created_at=created,
            updated_at=created,
        )
        s.add(lab)
        s.flush()
        s.add(
            m.LabLinkRow(
                lab_id=lab.id,
                session_id=zoledronic.id,
                rule_id="A4",
                label="before Zoledronic acid",
                tests="calcium,creatinine",
                due_from=date(2026, 10, 27),
                due_to=date(2026, 11, 25),
            )
        )
        s.add(
            m.RuleSettingRow(
                rule_id="E3",
                value_json='{"window": {"weeks": 16}}',
                changed_by="ada.admin",
                changed_at=created,
            )
        )
        s.add(
            m.AuditRow(
                at_utc=created,
                actor="fred.desk",
                action="create",
                entity="session",
                entity_id=zoledronic.id,
                patient_id=carol.id,
                before_json=None,
                after_json='{"therapy": "zoledronic-acid"}',
            )
        )
        uow.commit()


def check_and_compact(database: Path, revision: str) -> None:
    """Every table holds rows, the file is at ``revision``; then one compact file."""
    connection = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                # SQLite's own tables (sqlite_stat1 from ANALYZE, ...) hold no clinic data.
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        empty = [t for t in tables if not connection.execute(f'SELECT 1 FROM "{t}"').fetchone()]
        assert not empty, f"revision {revision}: no rows in {empty}"
        (found,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert found == revision, (found, revision)
        connection.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        connection.execute("VACUUM")
    finally:
        connection.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]).resolve(), sys.argv[4])
