"""The clinic server's PostgreSQL login (revision 0011): made by the owner, checked at start.

Since revision 0011 the only logins of a clinic database are its **owner** (migrations,
``init``, this module) and the clinic server's **app role**: DML on the tables the services
use, nothing else (``clinic_grant_server_role`` of migration 0011). No app user is a login.

The app role's password is hashed with SCRAM-SHA-256 on the client (libpq's
PQencryptPasswordConn) before it is sent, so the clear text never appears in a statement or a
server log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import head_revision, stored_revision

# The names the app role may have: a plain identifier (no quoting games), not pg_*.
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
MIN_ROLE_PASSWORD_LENGTH = 16


class AppRoleError(ValueError):
    """The app role cannot be made or given a password (the message says why): a usage
    error for the command line (exit 2)."""


@dataclass(frozen=True, slots=True)
class Login:
    """Who a connection is, as the clinic server's start-up check needs it."""

    user: str
    superuser: bool
    owner: bool  # a member of the database's owner role (it may change tables, triggers)

    @property
    def privileged(self) -> str | None:
        """``superuser``/``owner`` when this login can do more than the app role, else None."""
        if self.superuser:
            return "a superuser"
        if self.owner:
            return "the database's owner"
        return None


def login_of(connection: Connection) -> Login:
    """Who ``connection`` is logged in as."""
    row = connection.execute(
        text(
            "SELECT session_user::text, r.rolsuper, "
            "pg_has_role(session_user, d.datdba, 'MEMBER') "
            "FROM pg_roles r, pg_database d "
            "WHERE r.rolname = session_user AND d.datname = current_database()"
        )
    ).one()
    return Login(user=row[0], superuser=bool(row[1]), owner=bool(row[2]))


def check_role_name(name: str) -> str:
    """A role name the app role may have, or AppRoleError."""
    if not _ROLE_NAME.fullmatch(name or "") or name.startswith("pg_"):
        raise AppRoleError(
            f"{name!r} is not an app role name: lower-case letters, digits and '_', starting "
            "with a letter or '_', up to 63 characters, not pg_*"
        )
    return name


def check_role_password(password: str) -> str:
    """A password long enough for a service account that nobody types."""
    if len(password or "") < MIN_ROLE_PASSWORD_LENGTH:
        raise AppRoleError(
            f"the app role's password must be at least {MIN_ROLE_PASSWORD_LENGTH} characters"
        )
    return password


def _scram(connection: Connection, name: str, password: str) -> str:
    driver: Any = connection.connection.driver_connection
    hashed: bytes = driver.pgconn.encrypt_password(
        password.encode(), name.encode(), b"scram-sha-256"
    )
    return hashed.decode()


@dataclass(frozen=True, slots=True)
class AppRoleResult:
    """What ``set_app_role`` did."""

    name: str
    database: str
    created: bool  # a new role (else: an existing one got a new password)


def set_app_role(owner_url: str, name: str, password: str) -> AppRoleResult:
    """As the database's owner: create the clinic server's login ``name`` (or give it a new
    password) and grant it what the server needs on this database, and nothing else.

    Refused (AppRoleError): a login that is not this database's owner, a database not at this
    app's newest revision, a bad name or short password, and a role of that name that is not
    a plain login of this clinic alone (checked by ``clinic_grant_server_role``).
    """
    check_role_name(name)
    check_role_password(password)
    engine: Engine = make_engine(owner_url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name != "postgresql":
                raise AppRoleError("the app role is for PostgreSQL (SQLite has no logins)")
            me = login_of(connection)
            if not me.owner:
                raise AppRoleError(
                    f"connected as {me.user!r}, not the database's owner: run db app-role "
                    "with the owner's URL (the role that ran clinic-app init)"
                )
            revision = stored_revision(connection)
            if revision != head_revision():
                raise AppRoleError(
                    f"the database is at revision {revision}, not {head_revision()}: run "
                    "clinic-app migrate (or init) with the owner's URL first"
                )
            if me.user == name:
                raise AppRoleError("the app role cannot be the owner itself")
            existing = connection.execute(
                text(
                    "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication "
                    "OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_auth_members m "
                    "WHERE m.member = r.oid OR m.roleid = r.oid) "
                    "FROM pg_roles r WHERE r.rolname = :n"
                ),
                {"n": name},
            ).first()
            exists = existing is not None
            if existing is not None and existing[0]:
                raise AppRoleError(
                    f"a role named {name!r} exists and is not a plain login (an attribute, a "
                    "membership or members): it is never taken over; choose another name"
                )
            # A SCRAM verifier, never the clear text; quoted by the server (DDL takes no
            # bound parameters). The name is a checked plain identifier.
            secret = connection.scalar(
                text("SELECT quote_literal(:s)"), {"s": _scram(connection, name, password)}
            )
            attributes = (
                "LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
            )
            verb = "ALTER" if exists else "CREATE"
            # exec_driver_sql: the verifier holds ':', which text() would take for a parameter.
            connection.exec_driver_sql(f'{verb} ROLE "{name}" {attributes} PASSWORD {secret}')
            try:
                with connection.begin_nested():
                    connection.execute(
                        text("SELECT public.clinic_grant_server_role(:n)"), {"n": name}
                    )
            except DBAPIError as error:
                message = str(error.orig).splitlines()[0]
                if "clinic_server_role" in message:
                    raise AppRoleError(message.split("clinic_server_role: ", 1)[-1]) from None
                raise
            database = str(connection.scalar(text("SELECT current_database()")))
        return AppRoleResult(name=name, database=database, created=not exists)
    finally:
        engine.dispose()
