"""Logins: argon2id hashes, generic errors, lockout after repeated failures, first admin."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.persistence.models import UserRow
from clinic_app.services.auth import (
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    AccountLockedError,
    AuthenticationError,
)
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW

PASSWORD = "a sound password"


class MovableClock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


@pytest.fixture
def auth_services(tmp_path: Path) -> Services:
    clock = MovableClock()
    services = open_services(f"sqlite:///{tmp_path / 'auth.sqlite3'}", clock=clock)
    services.clock = clock  # type: ignore[attr-defined]
    admin = services.auth.create_first_admin("ada", PASSWORD)
    services.auth.add_user(admin, "fred", "front-desk", PASSWORD)
    return services


def stored_hash(services: Services, username: str) -> str:
    with services.ctx.db.read() as uow:
        row = uow.session.scalars(select(UserRow).where(UserRow.username == username)).one()
        return row.password_hash


def test_passwords_are_argon2id_with_owasp_minimum(auth_services: Services) -> None:
    hashed = stored_hash(auth_services, "fred")
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in hashed


def test_right_password_logs_in_with_the_role(auth_services: Services) -> None:
    actor = auth_services.auth.authenticate("fred", PASSWORD)
    assert (actor.username, actor.role.value) == ("fred", "front-desk")


def test_wrong_password_and_unknown_user_get_the_same_answer(auth_services: Services) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        auth_services.auth.authenticate("fred", "not it at all")
    with pytest.raises(AuthenticationError) as unknown:
        auth_services.auth.authenticate("nobody", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "unknown user or wrong password"


def test_lockout_after_repeated_failures_then_expiry(auth_services: Services) -> None:
    clock: MovableClock = auth_services.clock  # type: ignore[attr-defined]
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError) as failed:
            auth_services.auth.authenticate("fred", "wrong password")
        assert not isinstance(failed.value, AccountLockedError)
    with pytest.raises(AccountLockedError) as locking:  # the attempt that locks says so
        auth_services.auth.authenticate("fred", "wrong password")
    assert locking.value.locked_until == NOW + LOCKOUT
    with pytest.raises(AccountLockedError, match="locked"):
        auth_services.auth.authenticate("fred", PASSWORD)  # even the right one, for now
    clock.now = NOW + LOCKOUT + timedelta(seconds=1)
    assert auth_services.auth.authenticate("fred", PASSWORD).username == "fred"
    actions = [
        e.action
        for e in auth_services.audit.entries(auth_services.auth.authenticate("ada", PASSWORD))
    ]
    assert actions.count("login-failed") >= MAX_FAILED_ATTEMPTS
    assert "login-locked" in actions


def test_a_success_resets_the_failure_count(auth_services: Services) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError):
            auth_services.auth.authenticate("fred", "wrong password")
    auth_services.auth.authenticate("fred", PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError):
            auth_services.auth.authenticate("fred", "wrong password")
    assert auth_services.auth.authenticate("fred", PASSWORD).username == "fred"


def test_first_admin_only_once_and_passwords_need_length(auth_services: Services) -> None:
    with pytest.raises(InvalidInputError, match="already exists"):
        auth_services.auth.create_first_admin("eve", PASSWORD)
    admin = auth_services.auth.authenticate("ada", PASSWORD)
    with pytest.raises(InvalidInputError) as short:
        auth_services.auth.add_user(admin, "kim", "nurse", "short")
    assert short.value.field == "password"
    with pytest.raises(InvalidInputError) as bad_name:
        auth_services.auth.add_user(admin, "Kim Smith", "nurse", PASSWORD)
    assert bad_name.value.field == "username"


def test_password_change_takes_effect(auth_services: Services) -> None:
    fred = auth_services.auth.authenticate("fred", PASSWORD)
    auth_services.auth.set_password(fred, "fred", "another sound one")
    with pytest.raises(AuthenticationError):
        auth_services.auth.authenticate("fred", PASSWORD)
    assert auth_services.auth.authenticate("fred", "another sound one").username == "fred"


def test_fixed_clock_services_have_no_users_yet(tmp_path: Path) -> None:
    services = open_services(f"sqlite:///{tmp_path / 'x.sqlite3'}", clock=fixed_clock(NOW))
    assert services.auth.has_users() is False
