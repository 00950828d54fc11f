"""A failed login is audited with what was typed, capped and escaped: the trail cannot be
grown a megabyte per attempt, nor can a typed name forge a line in it."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services
from clinic_app.persistence.models import AuditRow
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.validation import audit_excerpt

pytestmark = pytest.mark.in_process(
    "logs in through auth.authenticate and create_first_admin, which the server keeps to itself "
    "(login is POST /api/v1/login with its own bounds)"
)

PASSWORD = "a sound password"
_serial = itertools.count()


def failed_logins(services: Services) -> list[AuditRow]:
    with services.ctx.db.read() as uow:
        rows = list(
            uow.session.scalars(
                select(AuditRow).where(AuditRow.action == "login-failed").order_by(AuditRow.id)
            )
        )
        uow.session.expunge_all()
    return rows


def test_fifty_megabyte_names_store_a_few_kilobytes(services: Services) -> None:
    huge = "x" * 2**20
    for _ in range(50):
        with pytest.raises(AuthenticationError):
            services.auth.authenticate(huge, PASSWORD)
    rows = failed_logins(services)
    assert len(rows) == 50
    assert {row.actor for row in rows} == {"x" * 64 + "\u2026"}
    with services.engine.connect() as conn:
        stored = conn.execute(
            select(
                func.sum(
                    func.length(AuditRow.actor) + func.coalesce(func.length(AuditRow.after_json), 0)
                )
            ).where(AuditRow.action == "login-failed")
        ).scalar_one()
    assert stored < 50 * 200
    assert '"name_length": 1048576' in (rows[0].after_json or "")


def test_a_typed_name_cannot_forge_an_audit_line(services: Services) -> None:
    with pytest.raises(AuthenticationError):
        services.auth.authenticate("eve\n2026-11-23 login ada.admin\u202e", PASSWORD)
    (row,) = failed_logins(services)
    assert row.actor == "eve\\n2026-11-23 login ada.admin\\u202e"
    assert "\n" not in row.actor and "\u202e" not in row.actor


@pytest.fixture
def user_names(db_url: str) -> Iterator[list[str]]:
    """Names for users the test creates; on PostgreSQL none of them becomes a role (0011)."""
    names: list[str] = []
    yield names
    if db_url.startswith("postgresql"):
        cleanup = create_engine(db_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with cleanup.connect() as conn:
            made = conn.scalars(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": names}
            ).all()
        cleanup.dispose()
        assert made == []


def unique_name(names: list[str], length: int) -> str:
    prefix = f"u{os.getpid()}x{next(_serial)}."
    names.append(prefix + "b" * (length - len(prefix)))
    return names[-1]


def test_a_real_user_with_a_long_name_still_logs_in(
    services: Services, user_names: list[str]
) -> None:
    longest = unique_name(user_names, 63)
    services.auth.create_first_admin(longest, PASSWORD)
    actor = services.auth.authenticate(longest, PASSWORD)
    assert actor.username == longest
    with pytest.raises(AuthenticationError):
        services.auth.authenticate(longest + "c", PASSWORD)
    assert failed_logins(services)[0].actor == longest + "c"  # 64 characters are kept whole


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ada", "ada"),
        ("", ""),
        ("a\\b", "a\\\\b"),
        ("\x1b[2J", "\\x1b[2J"),
        ("y" * 65, "y" * 64 + "\u2026"),
        ("\n" * 100, "\\n" * 32 + "\u2026"),
    ],
)
def test_audit_excerpt(typed: str, kept: str) -> None:
    assert audit_excerpt(typed) == kept


def test_a_short_name_is_kept_whole(services: Services, user_names: list[str]) -> None:
    name = unique_name(user_names, 20)
    services.auth.create_first_admin(name, PASSWORD)
    assert services.auth.authenticate(name, PASSWORD).username == name
    with pytest.raises(AuthenticationError):
        services.auth.authenticate(name + ".typo", PASSWORD)
    (row,) = failed_logins(services)
    assert row.actor == name + ".typo"
    assert "name_length" not in (row.after_json or "")
