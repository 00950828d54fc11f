"""Clinic-server sessions: hashed tokens, idle and absolute expiry, revocation on deactivation,
role change and password reset, rate limits per user and per address, the same argon2id work
for an unknown user as for a wrong password. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select, text

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.persistence.models import Base, UserSessionRow
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import (
    HASHER,
    MAX_FAILED_ATTEMPTS,
    AccountLockedError,
    AuthenticationError,
    AuthService,
    PasswordNotSetError,
)
from clinic_app.services.sessions import (
    ABSOLUTE_TIMEOUT,
    IDLE_TIMEOUT,
    PER_CLIENT_LIMIT,
    PER_USER_LIMIT,
    RATE_WINDOW,
    TOUCH_INTERVAL,
    IssuedSession,
    LoginRateLimitedError,
    SessionExpiredError,
    SessionService,
    token_hash,
)
from tests.conftest import NOW, app_role_url, login_name

PASSWORD = "a sound password"
DESK_PC = "10.0.0.21"


class MovableClock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now = self.now + delta


class Clinic:
    """Services on a fresh database with an administrator and a front-desk user."""

    def __init__(self, services: Services, clock: MovableClock) -> None:
        self.services = services
        self.clock = clock
        self.admin_name = login_name("ada")
        self.fred_name = login_name("fred")
        self.admin = services.auth.create_first_admin(self.admin_name, PASSWORD)
        services.auth.add_user(self.admin, self.fred_name, "front-desk", PASSWORD)

    @property
    def sessions(self) -> SessionService:
        return self.services.sessions

    @property
    def auth(self) -> AuthService:
        return self.services.auth

    def fred_login(self, client: str = DESK_PC) -> IssuedSession:
        return self.sessions.login(self.fred_name, PASSWORD, client=client)

    def session_rows(self) -> list[UserSessionRow]:
        with self.services.ctx.db.read() as uow:
            rows = list(uow.session.scalars(select(UserSessionRow).order_by(UserSessionRow.id)))
            uow.session.expunge_all()
        return rows


@pytest.fixture
def clinic(db_url: str) -> Iterator[Clinic]:
    clock = MovableClock()
    services = open_services(db_url, clock=clock)
    yield Clinic(services, clock)
    services.engine.dispose()


def test_login_gives_a_token_that_names_the_actor(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    assert issued.actor == Actor(clinic.fred_name, Role.FRONT_DESK)
    assert issued.idle_expires == NOW + IDLE_TIMEOUT
    assert issued.absolute_expires == NOW + ABSOLUTE_TIMEOUT
    assert len(issued.token) >= 43
    assert clinic.sessions.actor_for(issued.token) == issued.actor
    (row,) = clinic.session_rows()
    assert row.client == DESK_PC and row.revoked_utc is None


def test_the_raw_token_is_never_stored(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    clinic.clock.advance(TOUCH_INTERVAL)
    clinic.sessions.actor_for(issued.token)  # a touch writes too
    clinic.sessions.logout(issued.token)
    with clinic.services.engine.connect() as conn:
        everything = repr(
            [conn.execute(text(f'SELECT * FROM "{t}"')).all() for t in Base.metadata.tables]
        )
    assert issued.token not in everything
    assert token_hash(issued.token) in everything  # what is stored instead


def test_idle_expiry_slides_with_use(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    for _ in range(3):  # used every 14 minutes: 42 minutes later, still open
        clinic.clock.advance(IDLE_TIMEOUT - timedelta(minutes=1))
        assert clinic.sessions.actor_for(issued.token).username == clinic.fred_name
    clinic.clock.advance(IDLE_TIMEOUT)
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(issued.token)


def test_idle_expiry_is_written_at_most_once_per_touch_interval(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    clinic.clock.advance(TOUCH_INTERVAL - timedelta(seconds=1))
    clinic.sessions.actor_for(issued.token)
    (row,) = clinic.session_rows()
    assert row.last_seen_utc == NOW and row.idle_expires_utc == NOW + IDLE_TIMEOUT
    clinic.clock.advance(timedelta(seconds=1))
    clinic.sessions.actor_for(issued.token)
    (row,) = clinic.session_rows()
    assert row.last_seen_utc == clinic.clock.now
    assert row.idle_expires_utc == clinic.clock.now + IDLE_TIMEOUT


def test_absolute_expiry_ends_even_a_busy_session(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    step = timedelta(minutes=10)
    while clinic.clock.now + step < NOW + ABSOLUTE_TIMEOUT:
        clinic.clock.advance(step)
        clinic.sessions.actor_for(issued.token)
    (row,) = clinic.session_rows()
    assert row.idle_expires_utc == NOW + ABSOLUTE_TIMEOUT  # never beyond the absolute end
    clinic.clock.now = NOW + ABSOLUTE_TIMEOUT
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(issued.token)


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 100_000])
def test_unknown_tokens_are_refused_without_saying_why(clinic: Clinic, token: str) -> None:
    issued = clinic.fred_login()
    clinic.sessions.logout(issued.token)
    with pytest.raises(SessionExpiredError) as unknown:
        clinic.sessions.actor_for(token)
    with pytest.raises(SessionExpiredError) as revoked:
        clinic.sessions.actor_for(issued.token)
    assert str(unknown.value) == str(revoked.value)
    assert isinstance(unknown.value, AuthenticationError)


def test_logout_ends_only_that_session(clinic: Clinic) -> None:
    first, second = clinic.fred_login(), clinic.fred_login("10.0.0.22")
    clinic.sessions.logout(first.token)
    clinic.sessions.logout(first.token)  # twice: nothing more to do
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(first.token)
    assert clinic.sessions.actor_for(second.token).username == clinic.fred_name
    reasons = [r.revoked_reason for r in clinic.session_rows()]
    assert reasons == ["logout", None]


def test_deactivation_revokes_and_reactivation_does_not_revive(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    view = clinic.auth.deactivate_user(clinic.admin, clinic.fred_name)
    assert view.active is False
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(issued.token)
    with pytest.raises(AuthenticationError) as refused:
        clinic.fred_login()
    assert str(refused.value) == "unknown user or wrong password"
    clinic.auth.reactivate_user(clinic.admin, clinic.fred_name)
    with pytest.raises(SessionExpiredError):  # the old token stays dead
        clinic.sessions.actor_for(issued.token)
    assert clinic.sessions.actor_for(clinic.fred_login().token).username == clinic.fred_name
    assert [r.revoked_reason for r in clinic.session_rows()] == ["deactivated", None]


def test_role_change_revokes_and_the_new_login_has_the_new_role(clinic: Clinic) -> None:
    issued = clinic.fred_login()
    view = clinic.auth.set_role(clinic.admin, clinic.fred_name, "nurse")
    assert view.role is Role.NURSE
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(issued.token)
    fresh = clinic.fred_login()
    assert clinic.sessions.actor_for(fresh.token).role is Role.NURSE
    assert clinic.session_rows()[0].revoked_reason == "role"


@pytest.mark.parametrize("by_admin", [True, False], ids=["reset-by-admin", "own-change"])
def test_password_reset_revokes(clinic: Clinic, by_admin: bool) -> None:
    issued = clinic.fred_login()
    other_user = clinic.sessions.login(clinic.admin_name, PASSWORD, client=DESK_PC)
    actor = clinic.admin if by_admin else issued.actor
    clinic.auth.set_password(actor, clinic.fred_name, "a brand new password")
    with pytest.raises(SessionExpiredError):
        clinic.sessions.actor_for(issued.token)
    assert clinic.sessions.actor_for(other_user.token).username == clinic.admin_name
    with pytest.raises(AuthenticationError):
        clinic.fred_login()
    clinic.sessions.login(clinic.fred_name, "a brand new password", client=DESK_PC)


def test_the_last_active_administrator_stays(clinic: Clinic) -> None:
    for change in (
        lambda: clinic.auth.deactivate_user(clinic.admin, clinic.admin_name),
        lambda: clinic.auth.set_role(clinic.admin, clinic.admin_name, "nurse"),
    ):
        with pytest.raises(InvalidInputError, match="last active administrator"):
            change()
    second = login_name("bea")
    clinic.auth.add_user(clinic.admin, second, "admin", PASSWORD)
    clinic.auth.set_role(clinic.admin, clinic.admin_name, "manager")
    bea = Actor(second, Role.ADMIN)
    with pytest.raises(InvalidInputError, match="last active administrator"):
        clinic.auth.deactivate_user(bea, second)


def test_only_administrators_manage_users(clinic: Clinic) -> None:
    fred = Actor(clinic.fred_name, Role.FRONT_DESK)
    for change in (
        lambda: clinic.auth.deactivate_user(fred, clinic.admin_name),
        lambda: clinic.auth.reactivate_user(fred, clinic.fred_name),
        lambda: clinic.auth.set_role(fred, clinic.fred_name, "admin"),
    ):
        with pytest.raises(PermissionDeniedError):
            change()


def test_user_changes_are_audited(clinic: Clinic) -> None:
    clinic.auth.set_role(clinic.admin, clinic.fred_name, "nurse")
    clinic.auth.deactivate_user(clinic.admin, clinic.fred_name)
    clinic.auth.reactivate_user(clinic.admin, clinic.fred_name)
    actions = [e.action for e in clinic.services.audit.entries(clinic.admin)]
    assert {"role", "deactivate", "activate"} <= set(actions)


def test_the_per_account_lockout_still_holds(clinic: Clinic) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError) as failed:
            clinic.sessions.login(clinic.fred_name, "wrong password", client=DESK_PC)
        assert not isinstance(failed.value, AccountLockedError)
    with pytest.raises(AccountLockedError):
        clinic.sessions.login(clinic.fred_name, "wrong password", client=DESK_PC)
    with pytest.raises(AccountLockedError):
        clinic.fred_login()


def test_rate_limit_per_user_name_whatever_the_address(clinic: Clinic) -> None:
    name = login_name("nobody")  # an unknown name is limited like a known one
    for n in range(PER_USER_LIMIT):
        with pytest.raises(AuthenticationError) as failed:
            clinic.sessions.login(name, "guess", client=f"10.0.1.{n}")
        assert not isinstance(failed.value, LoginRateLimitedError)
        clinic.clock.advance(timedelta(seconds=10))
    with pytest.raises(LoginRateLimitedError) as limited:
        clinic.sessions.login(name, "guess", client="10.0.2.1")
    assert limited.value.retry_after == int(RATE_WINDOW.total_seconds()) - 10 * PER_USER_LIMIT
    assert "try again in" in str(limited.value)
    # Other names are not affected; the limited one is let in again once the oldest failure
    # leaves the window.
    clinic.fred_login("10.0.2.1")
    clinic.clock.advance(timedelta(seconds=limited.value.retry_after))
    with pytest.raises(AuthenticationError) as again:
        clinic.sessions.login(name, "guess", client="10.0.2.1")
    assert not isinstance(again.value, LoginRateLimitedError)


def test_rate_limit_refuses_even_the_right_password_without_checking_it(clinic: Clinic) -> None:
    for n in range(PER_CLIENT_LIMIT):
        with pytest.raises(AuthenticationError):
            clinic.sessions.login(login_name(f"guess{n}"), "guess", client=DESK_PC)
    counting = CountingHasher()
    limited_service = SessionService(clinic.services.ctx, hasher=counting)
    with pytest.raises(LoginRateLimitedError):
        limited_service.login(clinic.fred_name, PASSWORD, client=DESK_PC)
    assert counting.verifications == 0


def test_rate_limit_per_client_address(clinic: Clinic) -> None:
    for n in range(PER_CLIENT_LIMIT):
        with pytest.raises(AuthenticationError):
            clinic.sessions.login(login_name(f"guess{n}"), "guess", client=DESK_PC)
    with pytest.raises(LoginRateLimitedError) as limited:
        clinic.fred_login(DESK_PC)  # a real user, right password: that desk must wait
    assert 0 < limited.value.retry_after <= RATE_WINDOW.total_seconds()
    clinic.fred_login("10.0.0.99")  # from another desk: fine
    clinic.clock.advance(RATE_WINDOW)
    clinic.fred_login(DESK_PC)


def test_a_right_password_clears_that_names_failures(clinic: Clinic) -> None:
    for _ in range(3):  # 12 failures, more than PER_USER_LIMIT, none rate-limited
        for _ in range(MAX_FAILED_ATTEMPTS - 1):
            with pytest.raises(AuthenticationError):
                clinic.sessions.login(clinic.fred_name, "wrong password", client=DESK_PC)
        clinic.fred_login()
    assert 3 * (MAX_FAILED_ATTEMPTS - 1) > PER_USER_LIMIT


class CountingHasher(PasswordHasher):
    """The app's argon2id parameters, counting the verifications it does."""

    def __init__(self) -> None:
        super().__init__(
            time_cost=HASHER.time_cost,
            memory_cost=HASHER.memory_cost,
            parallelism=HASHER.parallelism,
            type=Type.ID,
        )
        self.verifications = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verifications += 1
        return super().verify(hash, password)


def test_unknown_user_costs_one_argon2id_verification_like_a_wrong_password(
    clinic: Clinic,
) -> None:
    counting = CountingHasher()
    service = SessionService(clinic.services.ctx, hasher=counting)
    inactive = login_name("ina")
    clinic.auth.add_user(clinic.admin, inactive, "nurse", PASSWORD)
    clinic.auth.deactivate_user(clinic.admin, inactive)
    work: dict[str, Any] = {}
    for case, name, password in (
        ("wrong password", clinic.fred_name, "wrong password"),
        ("unknown user", login_name("nobody"), PASSWORD),
        ("inactive user", inactive, PASSWORD),
        ("absurd name", "x" * 10_000, PASSWORD),
        ("right password", clinic.fred_name, PASSWORD),
    ):
        before = counting.verifications
        try:
            service.login(name, password, client=f"10.9.9.{len(work)}")
        except AuthenticationError as error:
            work[case] = (counting.verifications - before, str(error))
        else:
            work[case] = (counting.verifications - before, "ok")
    refused = "unknown user or wrong password"
    assert work == {
        "wrong password": (1, refused),
        "unknown user": (1, refused),
        "inactive user": (1, refused),
        "absurd name": (1, refused),
        "right password": (1, "ok"),
    }


def test_desktop_authenticate_does_the_same_work_for_an_unknown_user(sqlite_url: str) -> None:
    services = open_services(sqlite_url, clock=MovableClock())
    try:
        clinic = Clinic(services, MovableClock())
        counting = CountingHasher()
        auth = AuthService(services.ctx, hasher=counting)
        for name, password in ((clinic.fred_name, "wrong"), (login_name("nobody"), PASSWORD)):
            before = counting.verifications
            with pytest.raises(AuthenticationError):
                auth.authenticate(name, password)
            assert counting.verifications - before == 1
    finally:
        services.engine.dispose()


@pytest.mark.postgres
def test_a_postgres_user_without_a_hash_is_told_to_get_a_password(pg_url: str) -> None:
    clock = MovableClock()
    services = open_services(pg_url, clock=clock)
    try:
        clinic = Clinic(services, clock)
        old = login_name("olga")
        clinic.auth.add_user(clinic.admin, old, "nurse", PASSWORD)
        with services.ctx.db.write() as uow:  # as a user made before revision 0008 was
            uow.session.execute(
                text("UPDATE users SET password_hash = '' WHERE username = :u"), {"u": old}
            )
            uow.commit()
        counting = CountingHasher()
        with pytest.raises(PasswordNotSetError, match="ask an administrator") as refused:
            SessionService(services.ctx, hasher=counting).login(old, PASSWORD, client=DESK_PC)
        assert isinstance(refused.value, AuthenticationError)
        assert counting.verifications == 1  # the same work as any refusal
        clinic.auth.set_password(clinic.admin, old, "a password for the server")
        issued = services.sessions.login(old, "a password for the server", client=DESK_PC)
        assert issued.actor.role is Role.NURSE
    finally:
        services.engine.dispose()


def roles_named(services: Services, *names: str) -> dict[str, tuple[bool, set[str]]]:
    """Each of ``names`` that is a PostgreSQL role: (LOGIN, its memberships)."""
    found: dict[str, tuple[bool, set[str]]] = {}
    with services.engine.connect() as conn:
        for name in names:
            row = conn.execute(
                text(
                    "SELECT r.rolcanlogin, array(SELECT g.rolname::text FROM pg_auth_members m "
                    "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) "
                    "FROM pg_roles r WHERE r.rolname = :u"
                ),
                {"u": name},
            ).first()
            if row is not None:
                found[name] = (bool(row[0]), set(row[1]))
    return found


@pytest.mark.postgres
def test_postgres_users_are_rows_of_users_never_login_roles(pg_url: str) -> None:
    """Revision 0011: the clinic server's app role does all user administration on the users
    table; no login role is made, changed or dropped, and the sessions end as on SQLite."""
    clock = MovableClock()
    served = open_services(app_role_url(pg_url), clock=clock)
    try:
        clinic = Clinic(served, clock)
        new = "reset by ada, 2026"
        for password, change in (
            (PASSWORD, lambda: clinic.auth.set_role(clinic.admin, clinic.fred_name, "nurse")),
            (PASSWORD, lambda: clinic.auth.set_password(clinic.admin, clinic.fred_name, new)),
            (new, lambda: clinic.auth.deactivate_user(clinic.admin, clinic.fred_name)),
        ):
            issued = clinic.sessions.login(clinic.fred_name, password, client=DESK_PC)
            change()
            with pytest.raises(SessionExpiredError):
                clinic.sessions.actor_for(issued.token)
        clinic.auth.reactivate_user(clinic.admin, clinic.fred_name)
        assert clinic.sessions.login(clinic.fred_name, new, client=DESK_PC).actor.role is Role.NURSE
        assert [r.revoked_reason for r in clinic.session_rows()][:3] == [
            "role",
            "password",
            "deactivated",
        ]
        assert roles_named(served, clinic.admin_name, clinic.fred_name) == {}
    finally:
        served.engine.dispose()


@pytest.mark.postgres
def test_postgres_a_user_named_like_a_server_role_leaves_that_role_alone(pg_url: str) -> None:
    """Roles are cluster-wide; a user of the same name as some role (another clinic's server
    role, say) is just a row here: adding, deactivating or promoting them touches no role."""
    from tests.pg_login_roles import drop_roles

    clock = MovableClock()
    stranger = login_name("stranger")
    owner = open_services(pg_url, clock=clock)
    with owner.engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD 'not the app'"))
    owner.engine.dispose()
    served = open_services(app_role_url(pg_url), clock=clock)
    try:
        clinic = Clinic(served, clock)
        clinic.auth.add_user(clinic.admin, stranger, "nurse", PASSWORD)
        clinic.auth.set_role(clinic.admin, stranger, "admin")
        clinic.auth.deactivate_user(clinic.admin, stranger)
        assert roles_named(served, stranger) == {stranger: (True, set())}
    finally:
        served.engine.dispose()
        drop_roles([stranger])
