"""Seeding the demo clinic is all or nothing, on SQLite and on PostgreSQL.

A failure part-way (here: the database refusing the demo's first outside exposure, after its
accounts, chairs and patients were written) leaves the database exactly as it was, on
PostgreSQL the demo accounts' login roles included; a second attempt then seeds the demo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from clinic_app.bootstrap import Services, open_services
from clinic_app.persistence.models import AuditRow, ChairRow, PatientRow, SessionRow, UserRow
from clinic_app.persistence.unit_of_work import DatabasePrivilegeError
from clinic_app.services.actor import Actor
from clinic_app.services.clock import fixed_clock
from clinic_app.services.demo_data import seed_demo
from tests.conftest import NOW
from tests.pg_login_roles import (
    DEMO_ROLE_NAMES,
    demo_roles_guard,
    demo_roles_now,
    drop_roles,
    unique_role_name,
)

PASSWORD = "a long test password"

# The database refuses every outside exposure: the demo writes its first one after its
# accounts, chairs and patients. On PostgreSQL it is a refusal for lack of privilege.
REFUSE_EXPOSURES = {
    "sqlite": [
        "CREATE TRIGGER test_refuse_exposures BEFORE INSERT ON exposures "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'permission denied for table exposures' USING ERRCODE = '42501'; "
        "END $$",
        "CREATE TRIGGER test_refuse_exposures BEFORE INSERT ON exposures "
        "FOR EACH ROW EXECUTE FUNCTION test_refuse()",
    ],
}
ALLOW_EXPOSURES = {
    "sqlite": ["DROP TRIGGER test_refuse_exposures"],
    "postgresql": ["DROP TRIGGER test_refuse_exposures ON exposures"],
}


def counts(services: Services) -> dict[str, int]:
    """How many rows the demo would have added to each table it writes."""
    with services.ctx.db.read() as uow:
        return {
            model.__tablename__: uow.session.scalar(select(func.count()).select_from(model)) or 0
            for model in (ChairRow, PatientRow, SessionRow, UserRow, AuditRow)
        }


def run_sql(services: Services, statements: list[str]) -> None:
    with services.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


@pytest.fixture
def clinic_with_admin(db_url: str) -> Iterator[tuple[Services, Actor]]:
    """A set-up clinic with its first administrator and nothing else."""
    services = open_services(db_url, clock=fixed_clock(NOW))
    admin = services.auth.create_first_admin(unique_role_name("admin"), PASSWORD)
    services.setup.init_clinic(admin)
    yield services, admin
    services.engine.dispose()
    if services.ctx.db.dialect == "postgresql":
        drop_roles([admin.username], db_url)


def guard(services: Services) -> AbstractContextManager[set[str]]:
    """On PostgreSQL the demo accounts are cluster-wide login roles with fixed names."""
    if services.ctx.db.dialect == "postgresql":
        return demo_roles_guard()
    return nullcontext(set())


def test_a_demo_that_fails_part_way_writes_nothing_and_can_be_seeded_again(
    clinic_with_admin: tuple[Services, Actor],
) -> None:
    services, admin = clinic_with_admin
    dialect = services.ctx.db.dialect
    with guard(services) as roles_before:
        before = counts(services)
        run_sql(services, REFUSE_EXPOSURES[dialect])

        expected = DatabasePrivilegeError if dialect == "postgresql" else IntegrityError
        with pytest.raises(expected) as refused:
            seed_demo(services, admin)

        assert counts(services) == before
        assert services.setup.chairs(admin) == []
        assert {u.username for u in services.auth.users(admin)} == {admin.username}
        if dialect == "postgresql":
            assert demo_roles_now() == roles_before
            message = str(refused.value)
            assert "permission denied for table exposures" in message
            assert "Nothing was written" in message
            assert f"--user {admin.username} init --demo" in message

        # The second attempt is not refused as "a clinic with data": there is none.
        run_sql(services, ALLOW_EXPOSURES[dialect])
        summary = seed_demo(services, admin)
        assert summary.startswith("demo clinic seeded: 8 chairs, 30 patients")
        assert len(services.setup.chairs(admin)) == 8
        users = {u.username for u in services.auth.users(admin)}
        assert users == {admin.username, *DEMO_ROLE_NAMES}
        if dialect == "postgresql":  # demo accounts are users, not roles (revision 0011)
            assert demo_roles_now() == roles_before
        assert seed_demo(services, admin).endswith("demo not seeded")
