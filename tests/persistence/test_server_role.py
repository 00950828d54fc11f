"""PostgreSQL since revision 0011: the clinic server's app role is the only login besides the
owner, with exactly the grants the services need, and the audit actor is the authenticated
user the server sets on every write transaction.

The role is made as ``clinic-app db app-role`` makes it (``app_role_url``); the services below
run on it, as the server does.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services, open_services
from clinic_app.cli import main
from clinic_app.persistence.models import Base
from clinic_app.server.serve import ServeError, check_login
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import (
    NOW,
    PG_URL,
    app_role_url,
    login_name,
    pg_required,
)
from tests.pg_login_roles import drop_roles, unique_role_name

pytestmark = pytest.mark.postgres
PASSWORD = "a long test password"
_serial = count()


def server_tables() -> dict[str, str]:
    """The server's privileges as the newest revision that lists them grants them."""
    from importlib import import_module

    from clinic_app.persistence.migrate import shipped_revisions

    newest: dict[str, str] = {}
    versions = Path(import_module("clinic_app.persistence.migrations.versions").__file__).parent
    for revision in sorted(shipped_revisions()):
        (path,) = versions.glob(f"{revision}_*.py")
        module = import_module(f"clinic_app.persistence.migrations.versions.{path.stem}")
        newest = dict(getattr(module, "SERVER_TABLES", newest))
    return newest


@pytest.fixture
def served(pg_url: str) -> Iterator[tuple[Services, dict[Role, Actor], str]]:
    """Services on the test database's app role, with a user of every role (real rows: the
    database checks the nurse by the users table), one chair and one patient."""
    owner = open_services(pg_url, clock=fixed_clock(NOW))
    names = {role: login_name(f"s{next(_serial)}-{role.value}") for role in Role}
    first = owner.auth.create_first_admin(names[Role.ADMIN], PASSWORD)
    for role in (Role.FRONT_DESK, Role.NURSE, Role.MANAGER):
        owner.auth.add_user(first, names[role], role, PASSWORD)
    owner.engine.dispose()
    url = app_role_url(pg_url)
    services = open_services(url, clock=fixed_clock(NOW), create=False, migrate=False)
    actors = {role: Actor(name, role) for role, name in names.items()}
    services.setup.init_clinic(actors[Role.ADMIN])
    services.setup.add_chair(actors[Role.ADMIN], "Chair 1")
    services.setup.add_patient(
        actors[Role.FRONT_DESK], mrn="S1", name="Sam Server", date_of_birth="1950-01-01"
    )
    yield services, actors, url
    services.engine.dispose()


def raw(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool)


def test_the_app_role_needs_its_password(
    served: tuple[Services, dict[Role, Actor], str],
) -> None:
    _, _, url = served
    wrong = make_url(url).set(password="not the app role's password")
    engine = raw(wrong.render_as_string(hide_password=False))
    try:
        with engine.connect():
            reason = "this PostgreSQL server trusts local logins (pg_hba 'trust')"
            if pg_required():
                pytest.fail(f"CLINIC_APP_REQUIRE_PG=1 but {reason}: see .ci/run")
            pytest.skip(reason)
    except OperationalError as error:
        assert "password authentication failed" in str(error.orig)
    finally:
        engine.dispose()


def test_the_services_work_as_the_app_role_and_the_database_records_the_actor(
    served: tuple[Services, dict[Role, Actor], str],
) -> None:
    services, actors, url = served
    desk, nurse = actors[Role.FRONT_DESK], actors[Role.NURSE]
    booked = services.booking.book(
        desk, BookingRequest("S1", "zoledronic-acid", "2026-11-23T10:00", "Chair 1")
    ).session.id
    assert booked is not None
    services.booking.set_status(
        nurse, booked, "arrived", override_reason="renal function known", consulted="Dr Lee"
    )
    services.booking.cancel(nurse, booked, "went home")
    with raw(url).connect() as conn:
        written = conn.execute(
            text(
                "SELECT action, actor FROM audit_log WHERE entity = 'sessions' "
                "AND action LIKE 'db-%' ORDER BY id"
            )
        ).all()
    actors_in_order = [actor for _, actor in written]
    booked_by = actors_in_order.index(nurse.username)  # the desk's booking, then the nurse's
    assert written[0] == ("db-insert", desk.username)
    assert set(actors_in_order[:booked_by]) == {desk.username}
    assert set(actors_in_order[booked_by:]) == {nurse.username}
    assert len(actors_in_order) - booked_by >= 2  # arrived, then cancelled


def _attempt(url: str, actor: str | None, *statements: str) -> str | None:
    engine = raw(url)
    try:
        with engine.connect() as conn:
            transaction = conn.begin()
            try:
                if actor is not None:
                    conn.execute(text("SELECT set_config('clinic.actor', :a, true)"), {"a": actor})
                for statement in statements:
                    conn.execute(text(statement))
            except DBAPIError as error:
                return str(error.orig)
            finally:
                transaction.rollback()
    finally:
        engine.dispose()
    return None


def test_a_write_without_an_actor_is_refused_by_the_database(
    served: tuple[Services, dict[Role, Actor], str],
) -> None:
    _, actors, url = served
    change = "UPDATE patients SET phone = '0' WHERE mrn = 'S1'"
    refused = _attempt(url, None, change)
    assert refused is not None and "clinic_no_actor" in refused
    assert _attempt(url, actors[Role.FRONT_DESK].username, change) is None
    # The app's own audit entries too: clinic_audit() without an actor.
    refused = _attempt(url, None, "SELECT clinic_audit('x', 'a', 'e', NULL, NULL, NULL, NULL)")
    assert refused is not None and "clinic_no_actor" in refused


def test_only_a_nurse_actor_makes_a_clinical_status_change(
    served: tuple[Services, dict[Role, Actor], str],
) -> None:
    services, actors, url = served
    booked = services.booking.book(
        actors[Role.FRONT_DESK],
        BookingRequest("S1", "zoledronic-acid", "2026-11-23T10:00", "Chair 1"),
    ).session.id
    arrive = f"UPDATE sessions SET status = 'arrived' WHERE id = {booked}"
    for role in (Role.FRONT_DESK, Role.MANAGER, Role.ADMIN):
        refused = _attempt(url, actors[role].username, arrive)
        assert refused is not None and "only a nurse" in refused, role
    refused = _attempt(url, "somebody-not-a-user", arrive)
    assert refused is not None and "only a nurse" in refused
    assert _attempt(url, actors[Role.NURSE].username, arrive) is None


def test_the_app_roles_grants_are_exactly_the_servers(
    served: tuple[Services, dict[Role, Actor], str], pg_url: str
) -> None:
    _, _, url = served
    role = make_url(url).username
    wanted = server_tables()
    assert set(wanted) == {*Base.metadata.tables, "alembic_version"}
    with raw(pg_url).connect() as conn:
        granted: dict[str, set[str]] = {}
        for table, privilege in conn.execute(
            text(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
                "WHERE grantee = :r"
            ),
            {"r": role},
        ):
            granted.setdefault(table, set()).add(privilege)
        assert granted == {t: {p.strip() for p in ps.split(",")} for t, ps in wanted.items()}
        functions = conn.scalars(
            text(
                "SELECT p.oid::regprocedure::text FROM pg_proc p "
                "WHERE p.pronamespace = 'public'::regnamespace "
                "AND has_function_privilege(:r, p.oid, 'EXECUTE')"
            ),
            {"r": role},
        ).all()
        assert functions == ["clinic_audit(text,text,text,integer,integer,text,text)"]
        database = conn.execute(
            text(
                "SELECT has_database_privilege(:r, current_database(), 'CONNECT'), "
                "has_database_privilege(:r, current_database(), 'TEMP'), "
                "has_database_privilege(:r, current_database(), 'CREATE'), "
                "has_schema_privilege(:r, 'public', 'CREATE'), "
                "r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication "
                "OR r.rolbypassrls, "
                "EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid) "
                "FROM pg_roles r WHERE r.rolname = :r"
            ),
            {"r": role},
        ).one()
        assert tuple(database) == (True, False, False, False, False, False)


def run_cli(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    monkeypatch.delenv("CLINIC_APP_ROLE_PASSWORD", raising=False)
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_db_app_role_makes_rotates_and_refuses(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = unique_role_name("clinic_server").replace(".", "_").replace("-", "_")
    other = unique_role_name("other").replace(".", "_")
    try:
        argv = ["db", "app-role", "--db", pg_url, "--name", name]
        code, out, err = run_cli(argv, "first long password!\n", monkeypatch)
        assert (code, out) == (
            0,
            f"app role {name} created; it may use database "
            f"{make_url(pg_url).database} as the clinic server "
            "(DML on the app's tables, nothing else)\n",
        ), err
        code, out, err = run_cli(argv, "a rotated long password\n", monkeypatch)
        assert code == 0 and "given a new password" in out, err
        app = make_url(pg_url).set(username=name, password="a rotated long password")
        with raw(app.render_as_string(hide_password=False)).connect() as conn:
            assert conn.scalar(text("SELECT session_user")) == name
        # Never argv, never short, never a superuser, never the app role itself as owner.
        code, _, err = run_cli(argv, "short\n", monkeypatch)
        assert code == 2 and "at least 16 characters" in err
        code, _, err = run_cli(
            ["db", "app-role", "--db", pg_url, "--name", "postgres"],
            "a long enough pass!\n",
            monkeypatch,
        )
        assert code == 2 and "cannot be the owner itself" in err  # the test's owner: postgres
        code, _, err = run_cli(
            ["db", "app-role", "--db", app.render_as_string(hide_password=False), "--name", other],
            "a long enough pass!\n",
            monkeypatch,
        )
        assert code == 2 and "not the database's owner" in err
        # Another clinic's server role (it may connect to another database) is not taken over.
        server = create_engine(PG_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(text(f"CREATE ROLE \"{other}\" LOGIN PASSWORD 'theirs'"))
            conn.execute(text(f'GRANT CONNECT ON DATABASE test TO "{other}"'))
        server.dispose()
        code, _, err = run_cli(
            ["db", "app-role", "--db", pg_url, "--name", other],
            "a long enough pass!\n",
            monkeypatch,
        )
        assert code == 2 and "may use another database" in err
        other_url = make_url(pg_url).set(database="test", username=other, password="theirs")
        with raw(other_url.render_as_string(hide_password=False)).connect() as conn:
            assert conn.scalar(text("SELECT 1")) == 1  # its password was not changed
    finally:
        drop_roles([name, other], pg_url)


def test_serve_refuses_a_superuser_and_the_owner_unless_told(
    served: tuple[Services, dict[Role, Actor], str], pg_url: str
) -> None:
    services, _, _ = served
    check_login(services, allow_owner=False)  # the app role: fine
    owner = open_services(pg_url, create=False, migrate=False)
    try:
        with pytest.raises(ServeError, match=r"refusing to serve as .*a superuser"):
            check_login(owner, allow_owner=False)
        check_login(owner, allow_owner=True)  # --dev-allow-owner
    finally:
        owner.engine.dispose()
    out, err = io.StringIO(), io.StringIO()
    assert main(["serve", "--db", pg_url, "--port", "1"], out=out, err=err) == 2
    assert "--dev-allow-owner" in err.getvalue()
