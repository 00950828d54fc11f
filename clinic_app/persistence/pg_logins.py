"""PostgreSQL login roles for app users (each user logs in to the database as themself).

Passwords are hashed with SCRAM-SHA-256 on the client (libpq's PQencryptPasswordConn) before
they are sent, so the clear text never appears in a statement or a server log.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

GROUP_OF_ROLE = {
    "front-desk": "clinic_front_desk",
    "nurse": "clinic_nurse",
    "manager": "clinic_manager",
    "admin": "clinic_admin",
}


def _driver(session: Session) -> Any:
    connection = session.connection().connection.driver_connection
    assert connection is not None
    return connection


def _scram(session: Session, username: str, password: str) -> str:
    driver = _driver(session)
    hashed: bytes = driver.pgconn.encrypt_password(
        password.encode(), username.encode(), b"scram-sha-256"
    )
    return hashed.decode()


class LoginRoleTakenError(Exception):
    """A database role of that name exists on the server and is not a login of this clinic
    (another clinic's user, the owner, a server role): it is never taken over."""


def upsert_login_role(session: Session, username: str, password: str, role: str) -> None:
    """Create (or update) the login role of ``username`` in the group of its app role.

    Through ``clinic_create_login`` (migration 0010), a SECURITY DEFINER function of the owner
    role: the administrator's own login has no CREATEROLE. The function checks the caller, the
    name, the role and the secret, and refuses a role that exists but is not this clinic's.
    """
    if role not in GROUP_OF_ROLE:
        raise ValueError(f"{role!r} is not an app role")
    secret = _scram(session, username, password)
    _checked(
        session,
        "SELECT public.clinic_create_login(:name, :secret, :role)",
        name=username,
        secret=secret,
        role=role,
    )


def set_login_password(session: Session, username: str, password: str) -> None:
    """A new password for an existing login role of this clinic (``clinic_set_login_password``:
    the user's own, or anyone's by an administrator of this clinic or the owner)."""
    secret = _scram(session, username, password)
    session.execute(
        text("SELECT public.clinic_set_login_password(:name, :secret)"),
        {"name": username, "secret": secret},
    )


def login_role_exists(session: Session, username: str) -> bool:
    """True when the server has a role named ``username``."""
    found = session.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": username}
    ).first()
    return found is not None


def _checked(session: Session, statement: str, **params: object) -> object:
    """Run one of the owner's checked login functions (migration 0010) in a savepoint; a role
    of that name that is not this clinic's is LoginRoleTakenError, never touched."""
    try:
        with session.begin_nested():
            return session.execute(text(statement), params).scalar()
    except DBAPIError as error:
        if "clinic_role_taken" in str(error.orig):
            raise LoginRoleTakenError(str(params.get("name", ""))) from None
        raise


def set_login_enabled(session: Session, username: str, enabled: bool) -> None:
    """LOGIN or NOLOGIN for the login role of ``username`` (deactivating a user), through the
    owner's ``clinic_set_login_enabled`` (migration 0010: the administrator's own login has no
    CREATEROLE). A user without a login role is left alone; a role of that name that is not
    this clinic's is LoginRoleTakenError."""
    _checked(
        session,
        "SELECT public.clinic_set_login_enabled(:name, :enabled)",
        name=username,
        enabled=enabled,
    )


def set_login_group(session: Session, username: str, role: str) -> None:
    """Move the login role of ``username`` into the group of app role ``role`` (and out of
    every other clinic group), through the owner's ``clinic_set_login_group`` (migration
    0010). No login is ever given CREATEROLE, an administrator's neither. A user without a
    login role is left alone; a role of that name that is not this clinic's is
    LoginRoleTakenError."""
    if role not in GROUP_OF_ROLE:
        raise ValueError(f"{role!r} is not an app role")
    _checked(
        session, "SELECT public.clinic_set_login_group(:name, :role)", name=username, role=role
    )


def connected_as(session: Session, username: str) -> bool:
    """True when this session is logged in to the server as ``username`` itself (the direct
    desktop mode), not as the owner or the clinic server's role."""
    return bool(session.execute(text("SELECT session_user = :name"), {"name": username}).scalar())


def set_own_password_hash(session: Session, password_hash: str) -> None:
    """Store the argon2id hash of the logged-in user's own password (revision 0008's
    ``clinic_set_own_password_hash``: a per-user login cannot write ``users`` itself), which
    also revokes that user's server sessions."""
    session.execute(
        text("SELECT public.clinic_set_own_password_hash(:hash)"), {"hash": password_hash}
    )


def url_for_user(url: str, username: str, password: str) -> str:
    """The server URL with this user's credentials."""
    return (
        make_url(url)
        .set(username=username, password=password)
        .render_as_string(hide_password=False)
    )


def login_works(engine: Engine, username: str, password: str) -> bool:
    """True when PostgreSQL accepts ``username`` with ``password`` (a throwaway connection)."""
    probe = create_engine(
        url_for_user(engine.url.render_as_string(hide_password=False), username, password),
        poolclass=NullPool,
    )
    try:
        with probe.connect() as conn:
            return bool(conn.execute(text("SELECT current_user = :u"), {"u": username}).scalar())
    except OperationalError:
        return False
    finally:
        probe.dispose()
