"""PostgreSQL deployments: each user logs in as themself and can do no more than the app lets.

A user who connects with psql and their own password meets the same limits as in the app:
no override without the nurse group, no clinical status change, read-only managers, and an
audit trail nobody can change, written by the database with the real session user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import count

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services, open_services
from clinic_app.persistence.pg_logins import url_for_user
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, NOW, NURSE, login_name, require_password_checks

pytestmark = pytest.mark.postgres
PASSWORD = "a long test password"
_serial = count()


@pytest.fixture
def pg_clinic(pg_url: str) -> Iterator[tuple[Services, dict[str, str]]]:
    """A clinic on PostgreSQL with one login role per app role (unique names per test)."""
    db_url = pg_url
    owner = open_services(db_url, clock=fixed_clock(NOW))
    owner.setup.init_clinic(ADMIN)
    owner.setup.add_chair(ADMIN, "Chair 1")
    names = {
        role: login_name(f"t{next(_serial)}-{role}")
        for role in ("front-desk", "nurse", "manager", "admin")
    }
    first = owner.auth.create_first_admin(names["admin"], PASSWORD)
    for role in ("front-desk", "nurse", "manager"):
        owner.auth.add_user(first, names[role], role, PASSWORD)
    yield owner, names  # pg_url drops the database and these login roles afterwards
    owner.engine.dispose()


def as_user(db_url: str, name: str) -> Engine:
    """A raw connection as that login role: what psql with the user's password gives."""
    return create_engine(url_for_user(db_url, name, PASSWORD), poolclass=NullPool)


def refused(engine: Engine, sql: str, params: dict[str, object] | None = None) -> str:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(sql), params or {})
    return str(caught.value.orig)


def user_services(db_url: str, name: str) -> Services:
    return open_services(url_for_user(db_url, name, PASSWORD), clock=fixed_clock(NOW))


def test_wrong_password_cannot_connect(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    from clinic_app.services.auth import AuthenticationError

    require_password_checks(owner.engine, names["nurse"])
    with pytest.raises(AuthenticationError):
        owner.auth.authenticate(names["nurse"], "wrong password!!")
    assert owner.auth.authenticate(names["nurse"], PASSWORD).role.value == "nurse"


def test_front_desk_books_through_the_app_as_itself(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    desk = user_services(pg_url, names["front-desk"])
    actor = desk.auth.authenticate(names["front-desk"], PASSWORD)
    desk.setup.add_patient(actor, mrn="PG1", name="Pat Gee", date_of_birth="1950-01-01")
    desk.setup.add_exposure(actor, mrn="PG1", drug="denosumab", last_dose="2026-10-01", where="GP")
    outcome = desk.booking.book(
        actor, BookingRequest("PG1", "zoledronic-acid", "2027-05-04T10:00", "Chair 1")
    )
    assert outcome.labs  # labs, findings and audit rows were all written under the grants
    desk.engine.dispose()
    manager = as_user(pg_url, names["manager"])
    with manager.connect() as conn:
        actors = {row[0] for row in conn.execute(text("SELECT DISTINCT actor FROM audit_log"))}
    assert names["front-desk"] in actors
    manager.dispose()


def test_nurse_overrides_through_the_app(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    nurse = user_services(pg_url, names["nurse"])
    actor = nurse.auth.authenticate(names["nurse"], PASSWORD)
    nurse.setup.add_patient(actor, mrn="PG2", name="Iris On", date_of_birth="1950-01-01")
    nurse.setup.add_exposure(actor, mrn="PG2", drug="denosumab", last_dose="2026-10-01", where="GP")
    outcome = nurse.booking.book(
        actor,
        BookingRequest(
            "PG2",
            "ferric-carboxymaltose",
            "2026-12-01T10:00",
            "Chair 1",
            override_reason="Hb 70; haematology agrees",
            consulted="Dr Ann Lee",
        ),
    )
    assert any(f.overridden_by == names["nurse"] for f in outcome.findings)
    nurse.engine.dispose()


def test_psql_front_desk_cannot_override_or_change_clinical_status(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    owner.setup.add_patient(DESK, mrn="PG3", name="Sam", date_of_birth="1950-01-01")
    sid = owner.booking.book(
        NURSE, BookingRequest("PG3", "denosumab", "2026-11-24T09:00", "Chair 1")
    ).session.id
    desk = as_user(pg_url, names["front-desk"])
    assert "permission denied" in refused(
        desk,
        "INSERT INTO overrides (session_id, rule_id, message, overridden_by, reason, "
        "at_utc) VALUES (:s, 'E3', 'm', 'me', 'r', now())",
        {"s": sid},
    )
    assert "only a nurse" in refused(
        desk, "UPDATE sessions SET status = 'completed' WHERE id = :s", {"s": sid}
    )
    with desk.begin() as conn:  # cancelling is a front-desk action
        conn.execute(text("UPDATE sessions SET status = 'cancelled' WHERE id = :s"), {"s": sid})
    desk.dispose()


def test_nobody_can_rewrite_the_audit_trail(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    for role in ("front-desk", "nurse", "manager", "admin"):
        engine = as_user(pg_url, names[role])
        for sql in (
            "UPDATE audit_log SET actor = 'mallory'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "INSERT INTO audit_log (at_utc, actor, action, entity) VALUES (now(), 'x', 'y', 'z')",
        ):
            message = refused(engine, sql)
            assert "permission denied" in message or "append-only" in message, (role, sql)
        engine.dispose()


def test_audit_records_the_real_session_user(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    desk = as_user(pg_url, names["front-desk"])
    with desk.begin() as conn:
        conn.execute(
            text("SELECT clinic_audit('somebody-else', 'forged', 'x', NULL, NULL, NULL, NULL)")
        )
        conn.execute(
            text(
                "INSERT INTO patients (mrn, name, date_of_birth, notes, created_at) "
                "VALUES ('PSQL1', 'Direct', '1950-01-01', '', now())"
            )
        )
    desk.dispose()
    manager = as_user(pg_url, names["manager"])
    with manager.connect() as conn:
        forged = conn.execute(text("SELECT actor FROM audit_log WHERE action = 'forged'")).one()
        direct = conn.execute(
            text(
                "SELECT actor, after_json FROM audit_log "
                "WHERE action = 'db-insert' AND entity = 'patients'"
            )
        ).all()
    manager.dispose()
    assert forged[0] == names["front-desk"]
    assert any(
        actor == names["front-desk"] and json.loads(after)["mrn"] == "PSQL1"
        for actor, after in direct
    )


def test_manager_reads_but_cannot_write(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    manager = as_user(pg_url, names["manager"])
    assert "permission denied" in refused(
        manager,
        "INSERT INTO patients (mrn, name, date_of_birth, notes, created_at) "
        "VALUES ('X', 'X', '1950-01-01', '', now())",
    )
    assert "permission denied" in refused(manager, "UPDATE chairs SET name = 'x'")
    with manager.connect() as conn:
        conn.execute(text("SELECT count(*) FROM sessions")).scalar()
    manager.dispose()


def test_admin_creates_users_as_login_roles(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str
) -> None:
    owner, names = pg_clinic
    admin_services = user_services(pg_url, names["admin"])
    admin = admin_services.auth.authenticate(names["admin"], PASSWORD)
    new_name = names["nurse"] + "_b"
    admin_services.auth.add_user(admin, new_name, "nurse", PASSWORD)
    admin_services.engine.dispose()
    assert owner.auth.authenticate(new_name, PASSWORD).role.value == "nurse"


def test_cli_connects_as_the_user(
    pg_clinic: tuple[Services, dict[str, str]], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``clinic-app --db postgresql://server/db --user NAME``: the session runs as NAME."""
    import io

    from clinic_app.cli import main

    owner, names = pg_clinic
    owner.setup.add_patient(DESK, mrn="PG9", name="Cli User", date_of_birth="1950-01-01")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "--db",
            pg_url,
            "--user",
            names["front-desk"],
            "book",
            "--mrn",
            "PG9",
            "--therapy",
            "denosumab",
            "--start",
            "2031-03-04T10:00",
            "--json",
        ],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    require_password_checks(owner.engine, names["front-desk"])
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "not the password at all")
    code = main(
        ["--db", pg_url, "--user", names["front-desk"], "day", "2031-03-04"],
        out=io.StringIO(),
        err=(err := io.StringIO()),
    )
    assert code == 5
    assert "wrong password" in err.getvalue()
