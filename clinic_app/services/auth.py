"""Users and logins: argon2id password hashes, lockout after repeated failures, audit.

Hashing follows OWASP's minimum for argon2id (19 MiB memory, 2 iterations, 1 lane). A wrong
password and an unknown user get the same answer and cost the same work (an unknown or
inactive user is verified against a dummy hash made once with the same parameters), so names
cannot be probed by the answer or by its time.

Every user has an argon2id hash, on every backend, and it is the only password: on SQLite the
app checks it in-process, on PostgreSQL the clinic server checks it (see ``sessions.py``).
Users are rows of ``users`` and nothing else: since revision 0011 no app user is a PostgreSQL
login role (the direct desktop mode of 0004-0010 is gone, its roles dropped); the clinic
server's app role is the only login, and the acting user reaches the database as the
transaction-local audit actor (``clinic.actor``), set from the authenticated user on every
write. A PostgreSQL user made before revision 0008 has no hash until an administrator sets a
password.

Deactivating a user, changing their role and setting their password revoke their clinic-server
sessions in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import UserRow
from clinic_app.services.actor import Actor, Permission, Role
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import (
    NAME_MAX,
    USERNAME_MAX,
    audit_excerpt,
    refused_character,
    require_text,
)

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)
MIN_PASSWORD_LENGTH = 10
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{0,62}$")


class AuthenticationError(ClinicError):
    """The user name or password is wrong (deliberately not saying which)."""

    def __init__(self, message: str = "unknown user or wrong password") -> None:
        super().__init__(message)


class PasswordNotSetError(AuthenticationError):
    """A user made on PostgreSQL before the clinic server (revision 0008) has no argon2id
    hash yet: the server cannot check their password until an administrator sets one."""

    def __init__(self) -> None:
        super().__init__(
            "this account has no password on the clinic server yet (it was made for the "
            "direct database login); ask an administrator to set a new password"
        )


class AccountLockedError(AuthenticationError):
    """Too many failed attempts: the account is locked until ``locked_until`` (UTC)."""

    def __init__(self, locked_until: datetime) -> None:
        super().__init__(
            f"account locked after {MAX_FAILED_ATTEMPTS} failed attempts; try again after "
            f"{locked_until:%H:%M} UTC or ask an administrator"
        )
        self.locked_until = locked_until


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as the admin screens show them (never the hash)."""

    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    # An administrator asked for a new password: the next login sets one first.
    must_change_password: bool = False


def require_username(value: str) -> str:
    """Lower-case letters, digits, '.', '_', '-'; starts with a letter; up to 63 characters."""
    name = require_text("username", value, max_length=USERNAME_MAX)
    if not _USERNAME.fullmatch(name):
        raise InvalidInputError(
            "username",
            f"{name!r} must start with a lower-case letter and hold only a-z, 0-9, '.', '_', '-'",
        )
    return name


def require_password(value: str) -> str:
    """A password of at least MIN_PASSWORD_LENGTH characters."""
    if value is None or len(value) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError(
            "password", f"must be at least {MIN_PASSWORD_LENGTH} characters long"
        )
    if len(value) > 1024:
        raise InvalidInputError("password", "is longer than 1024 characters")
    return value


def require_role(value: str | Role) -> Role:
    """One of the app roles."""
    try:
        return Role(value)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise InvalidInputError("role", f"{value!r} is not one of {allowed}") from None


def _parameters(hasher: PasswordHasher) -> tuple[int, int, int, int, int, Type]:
    return (
        hasher.time_cost,
        hasher.memory_cost,
        hasher.parallelism,
        hasher.hash_len,
        hasher.salt_len,
        hasher.type,
    )


@cache
def _dummy_hash_for(parameters: tuple[int, int, int, int, int, Type]) -> str:
    time_cost, memory_cost, parallelism, hash_len, salt_len, kind = parameters
    maker = PasswordHasher(time_cost, memory_cost, parallelism, hash_len, salt_len, type=kind)
    return maker.hash("no user has this password: it only makes an unknown name cost the same")


def dummy_hash(hasher: PasswordHasher) -> str:
    """A hash made once per process with ``hasher``'s parameters, verified in place of a
    user's own when there is no such user (or no usable hash), so that answer costs the same
    argon2id work as a wrong password."""
    return _dummy_hash_for(_parameters(hasher))


def verify_password(hasher: PasswordHasher, stored: str, password: str) -> bool:
    """True when ``password`` matches ``stored``; an empty or damaged hash is verified
    against the dummy hash instead (same work) and never matches."""
    usable = bool(stored) and stored.startswith("$argon2")
    try:
        matched = hasher.verify(stored if usable else dummy_hash(hasher), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return matched and usable


def _view(row: UserRow) -> UserView:
    return UserView(
        row.id,
        row.username,
        row.full_name,
        Role(row.role),
        row.active,
        row.locked_until,
        bool(row.must_change_password),
    )


class AuthService:
    """Creates users and checks their passwords."""

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher = HASHER) -> None:
        self._ctx = ctx
        self._hasher = hasher

    def has_users(self) -> bool:
        """False on a new database: the first start must create an administrator."""
        with self._ctx.db.read() as uow:
            return bool(uow.session.scalar(select(func.count()).select_from(UserRow)))

    def create_first_admin(self, username: str, password: str, full_name: str = "") -> Actor:
        """The first administrator; refused once any user exists."""
        name = require_username(username)
        secret = require_password(password)
        with self._ctx.db.write(name) as uow:
            s = uow.session
            if s.scalar(select(func.count()).select_from(UserRow)):
                raise InvalidInputError("username", "the first administrator already exists")
            self._insert(s, name, Role.ADMIN, secret, full_name)
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=name,
                action="create",
                entity="user",
                entity_id=None,
                patient_id=None,
                after={"username": name, "role": Role.ADMIN.value, "first": True},
            )
            uow.commit()
        return Actor(name, Role.ADMIN)

    def add_user(
        self, actor: Actor, username: str, role: str | Role, password: str, full_name: str = ""
    ) -> UserView:
        """A new user with a role (administrators only)."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "add_user")
        name = require_username(username)
        the_role = require_role(role)
        secret = require_password(password)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            if s.scalars(select(UserRow).where(UserRow.username == name)).first():
                raise InvalidInputError("username", f"a user named {name!r} already exists")
            row = self._insert(s, name, the_role, secret, full_name)
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="create",
                entity="user",
                entity_id=row.id,
                patient_id=None,
                after={"username": name, "role": the_role.value},
            )
            uow.commit()
            return _view(row)

    def users(self, actor: Actor) -> list[UserView]:
        """Every user (administrators only)."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "users")
        with self._ctx.db.read() as uow:
            rows = uow.session.scalars(select(UserRow).order_by(UserRow.username))
            return [_view(r) for r in rows]

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """A new password: the user's own, or anyone's by an administrator.

        Clears the lockout and ends the user's clinic-server sessions (a reset password must
        not leave a stolen token working); the user logs in again with the new password.
        """
        if actor.username != username:
            authorize(self._ctx, actor, Permission.ADMINISTER, "set_password")
        secret = require_password(password)
        hashed = self._hasher.hash(secret)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._user(s, username)
            row.password_hash = hashed
            row.failed_attempts = 0
            row.locked_until = None
            repo.revoke_user_sessions(s, row.id, at=self._ctx.clock(), reason="password")
            # The user's own new password answers a forced change; one an administrator
            # sets for someone else leaves the flag as it was.
            forced = actor.username == username and row.must_change_password
            if forced:
                row.must_change_password = False
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="password",
                entity="user",
                entity_id=row.id,
                patient_id=None,
                after={"username": username, **({"forced": True} if forced else {})},
            )
            uow.commit()

    def require_password_change(
        self, actor: Actor, username: str, required: bool = True
    ) -> UserView:
        """Make ``username`` set a new password at their next login before anything else
        (or, with ``required`` False, withdraw that); administrators only, audited."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "require_password_change")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._user(s, username, for_update=True)
            before = bool(row.must_change_password)
            if before == required:
                return _view(row)
            row.must_change_password = required
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="force-password" if required else "unforce-password",
                entity="user",
                entity_id=row.id,
                patient_id=None,
                before={"username": username, "must_change_password": before},
                after={"username": username, "must_change_password": required},
            )
            uow.commit()
            return _view(row)

    def password_change_required(self, actor: Actor) -> bool:
        """True when ``actor`` (just logged in) must set a new password before anything else."""
        with self._ctx.db.read() as uow:
            row = uow.session.scalars(
                select(UserRow).where(UserRow.username == actor.username)
            ).first()
            return bool(row is not None and row.must_change_password)

    def deactivate_user(self, actor: Actor, username: str) -> UserView:
        """The user can no longer log in, and their sessions end (administrators only; never
        the last active administrator)."""
        return self._set_active(actor, username, active=False)

    def reactivate_user(self, actor: Actor, username: str) -> UserView:
        """A deactivated user may log in again (administrators only)."""
        return self._set_active(actor, username, active=True)

    def set_role(self, actor: Actor, username: str, role: str | Role) -> UserView:
        """A new app role for a user; their sessions end, so no token outlives the role it
        was issued under (administrators only; never demoting the last active administrator).
        """
        authorize(self._ctx, actor, Permission.ADMINISTER, "set_role")
        the_role = require_role(role)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._user(s, username, for_update=True)
            before = Role(row.role)
            if before is the_role:
                return _view(row)
            if before is Role.ADMIN and row.active:
                self._keep_an_admin(s, row, "take the administrator role from")
            row.role = the_role.value
            now = self._ctx.clock()
            repo.revoke_user_sessions(s, row.id, at=now, reason="role")
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="role",
                entity="user",
                entity_id=row.id,
                patient_id=None,
                before={"username": username, "role": before.value},
                after={"username": username, "role": the_role.value},
            )
            uow.commit()
            return _view(row)

    def _set_active(self, actor: Actor, username: str, *, active: bool) -> UserView:
        action = "reactivate_user" if active else "deactivate_user"
        authorize(self._ctx, actor, Permission.ADMINISTER, action)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = self._user(s, username, for_update=True)
            if row.active == active:
                return _view(row)
            if not active and row.role == Role.ADMIN.value:
                self._keep_an_admin(s, row, "deactivate")
            row.active = active
            now = self._ctx.clock()
            if not active:
                repo.revoke_user_sessions(s, row.id, at=now, reason="deactivated")
            else:
                row.failed_attempts = 0
                row.locked_until = None
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="activate" if active else "deactivate",
                entity="user",
                entity_id=row.id,
                patient_id=None,
                before={"username": username, "active": not active},
                after={"username": username, "active": active},
            )
            uow.commit()
            return _view(row)

    def _keep_an_admin(self, s: Session, row: UserRow, doing: str) -> None:
        """Refuse a change that would leave no active administrator (the admin rows are
        locked first on PostgreSQL, so two administrators cannot remove each other at once)."""
        others = s.scalars(
            select(UserRow.id)
            .where(
                UserRow.role == Role.ADMIN.value,
                UserRow.active.is_(True),
                UserRow.id != row.id,
            )
            .with_for_update()
        ).all()
        if not others:
            raise InvalidInputError(
                "username",
                f"cannot {doing} {row.username!r}: they are the last active administrator; "
                "make another user an administrator first",
            )

    def authenticate(self, username: str, password: str) -> Actor:
        """The actor for a correct password; counts failures and locks the account."""
        now = self._ctx.clock()
        name = (username or "").strip()
        # No user name is longer than USERNAME_MAX or holds a control character, so such a
        # name is refused before it is looked up; the audit keeps an escaped excerpt of what
        # was typed, so an attempt never stores more than a few dozen characters.
        possible = len(name) <= USERNAME_MAX and refused_character(name) is None
        claimed = audit_excerpt(name) if name else "?"
        # Not authenticated yet: the attempt is recorded under the name it claims.
        with self._ctx.db.write(claimed) as uow:
            s = uow.session
            row = (
                s.scalars(select(UserRow).where(UserRow.username == name)).first()
                if possible
                else None
            )

            def record(action: str, **after: Any) -> None:
                # Every attempt is audited and committed, failures included.
                if name and claimed != name:
                    after["name_length"] = len(name)
                repo.audit(
                    s,
                    at=now,
                    actor=claimed,
                    action=action,
                    entity="user",
                    entity_id=row.id if row else None,
                    patient_id=None,
                    after=after or None,
                )
                uow.commit()

            if row is None or not row.active:
                # The same argon2id work as a wrong password: the time tells nothing.
                verify_password(self._hasher, "", password or "")
                record("login-failed", reason="unknown")
                raise AuthenticationError()
            if row.locked_until is not None and row.locked_until > now:
                record("login-locked", until=row.locked_until)
                raise AccountLockedError(row.locked_until)
            if not verify_password(self._hasher, row.password_hash, password or ""):
                row.failed_attempts += 1
                locked = row.failed_attempts >= MAX_FAILED_ATTEMPTS
                if locked:
                    row.locked_until = now + LOCKOUT
                    row.failed_attempts = 0
                record("login-failed", reason="password", locked=locked)
                if locked and row.locked_until is not None:
                    # The attempt that locks the account says so at once.
                    raise AccountLockedError(row.locked_until)
                raise AuthenticationError()
            row.failed_attempts = 0
            row.locked_until = None
            if self._hasher.check_needs_rehash(row.password_hash):
                row.password_hash = self._hasher.hash(password)
            actor = Actor(row.username, Role(row.role))
            record("login")
            return actor

    def _insert(self, s: Session, name: str, role: Role, secret: str, full_name: str) -> UserRow:
        row = UserRow(
            username=name,
            full_name=require_text("full_name", full_name, max_length=NAME_MAX, allow_empty=True),
            role=role.value,
            # Every backend: the app (SQLite) or the clinic server (PostgreSQL) checks it.
            password_hash=self._hasher.hash(secret),
            active=True,
            failed_attempts=0,
            locked_until=None,
            created_at=self._ctx.clock(),
        )
        s.add(row)
        s.flush()
        return row

    def _user(self, s: Session, username: str, *, for_update: bool = False) -> UserRow:
        query = select(UserRow).where(UserRow.username == username)
        if for_update:
            query = query.with_for_update()
        row = s.scalars(query).first()
        if row is None:
            raise InvalidInputError("username", f"no user named {username!r}")
        return row
