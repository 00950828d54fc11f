"""Clinic-server logins: opaque session tokens, idle and absolute expiry, rate limits.

The clinic server (issue 11) checks a user's argon2id password once, at ``login``, and hands
back an opaque token; every later request presents the token and ``actor_for`` turns it into
the acting user. Only the SHA-256 of a token is stored (``user_sessions``): a token is 256
random bits, so a fast hash is enough (no dictionary to guess from) and a copy of the database
gives nobody a working token.

Expiry:

- **idle** (``IDLE_TIMEOUT``, 15 min): the desktop locks its own screen after 10 minutes
  without use (``gui/session/session_guard.py``); the token outlives that lock by 5 minutes, so the
  server never ends a session the desk still shows open, while a client that no longer locks
  (a crashed or stolen one, a forgotten CLI) loses its token soon after.
- **absolute** (``ABSOLUTE_TIMEOUT``, 12 h): a clinic shift; nobody stays logged in overnight,
  however busy the token is.

``actor_for`` slides the idle expiry, but writes it at most once per ``TOUCH_INTERVAL``
(60 s): a desk makes several requests a second while it works, and one write per request
would serialise every read on the database's write lock (SQLite) or fill PostgreSQL's WAL for
nothing; the idle expiry is then exact to within a minute of a 15-minute window.

The users row is read on every ``actor_for``: the role comes from there, never from the
session, and deactivating a user, changing their role or setting their password revoke their
sessions in the same transaction (``AuthService``).

Rate limits (failed logins in a sliding window of ``RATE_WINDOW``, stored in the database so
that several server instances on one PostgreSQL share them): ``PER_USER_LIMIT`` per claimed
user name (known or not, so the limit says nothing about which names exist) and
``PER_CLIENT_LIMIT`` per client address (several users mistyping at one shared desk stay well
below it). A refused attempt verifies no password. The per-account lockout of ``auth.py``
(``MAX_FAILED_ATTEMPTS`` wrong passwords lock a known account for ``LOCKOUT``) applies too.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import LoginAttemptRow, UserRow, UserSessionRow
from clinic_app.persistence.unit_of_work import UnitOfWork
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import (
    HASHER,
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    AccountLockedError,
    AuthenticationError,
    PasswordNotSetError,
    verify_password,
)
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import USERNAME_MAX, audit_excerpt, refused_character

IDLE_TIMEOUT = timedelta(minutes=15)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_INTERVAL = timedelta(seconds=60)
RATE_WINDOW = timedelta(minutes=15)
PER_USER_LIMIT = 10
PER_CLIENT_LIMIT = 30
# A token is 43 characters (token_urlsafe(32)); anything much longer is not one of ours and
# is refused before it is hashed.
_TOKEN_MAX = 128
_CLIENT_MAX = 100


class SessionExpiredError(AuthenticationError):
    """The token is unknown, expired or revoked (deliberately not saying which)."""

    def __init__(self) -> None:
        super().__init__("the session has ended or is not valid; log in again")


class LoginRateLimitedError(AuthenticationError):
    """Too many failed logins for this user name or from this client address lately."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"too many failed logins; try again in {retry_after} seconds or ask an administrator"
        )
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class IssuedSession:
    """What a successful login hands back: the token (shown once, never stored) and when
    the session ends unless used (idle) and at the latest (absolute)."""

    token: str
    actor: Actor
    idle_expires: datetime
    absolute_expires: datetime


def token_hash(token: str) -> str:
    """The stored form of a token: SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionService:
    """Logs users in at the clinic server and turns their tokens back into actors."""

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher = HASHER) -> None:
        self._ctx = ctx
        self._hasher = hasher

    def login(self, username: str, password: str, *, client: str) -> IssuedSession:
        """A new session for a correct password.

        Raises ``LoginRateLimitedError`` (too many failures lately for this name or address),
        ``AccountLockedError`` (the account's lockout), ``PasswordNotSetError`` (a PostgreSQL
        user made before the server, with no hash yet) or ``AuthenticationError`` (unknown
        user or wrong password, the same answer after the same argon2id work). Every attempt
        is audited.
        """
        now = self._ctx.clock()
        name = (username or "").strip()
        secret = password or ""
        where = (client or "").strip()[:_CLIENT_MAX] or "?"
        possible = bool(name) and len(name) <= USERNAME_MAX and refused_character(name) is None
        claimed = audit_excerpt(name) if name else "?"
        key = claimed[:80]
        # Not authenticated yet: the attempt is recorded under the name it claims.
        with self._ctx.db.write(claimed) as uow:
            s = uow.session

            def record(action: str, row: UserRow | None, **after: Any) -> None:
                after["client"] = where
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
                    after=after,
                )

            def fail(
                action: str, row: UserRow | None, error: AuthenticationError, **after: Any
            ) -> AuthenticationError:
                s.add(LoginAttemptRow(at_utc=now, username=key, client=where))
                record(action, row, **after)
                uow.commit()
                return error

            s.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at_utc <= now - RATE_WINDOW))
            retry_after = self._retry_after(s, now, key, where)
            if retry_after is not None:
                record("login-rate-limited", None, retry_after=retry_after)
                uow.commit()
                raise LoginRateLimitedError(retry_after)

            row = (
                s.scalars(select(UserRow).where(UserRow.username == name).with_for_update()).first()
                if possible
                else None
            )
            if row is None or not row.active:
                verify_password(self._hasher, "", secret)  # the same work as a wrong password
                raise fail("login-failed", row, AuthenticationError(), reason="unknown")
            if row.locked_until is not None and row.locked_until > now:
                record("login-locked", row, until=row.locked_until)
                uow.commit()
                raise AccountLockedError(row.locked_until)
            stored = row.password_hash
            if not verify_password(self._hasher, stored, secret):
                if not stored:
                    raise fail("login-failed", row, PasswordNotSetError(), reason="no-hash")
                row.failed_attempts += 1
                locked = row.failed_attempts >= MAX_FAILED_ATTEMPTS
                error: AuthenticationError = AuthenticationError()
                if locked:
                    row.locked_until = now + LOCKOUT
                    row.failed_attempts = 0
                    error = AccountLockedError(row.locked_until)
                raise fail("login-failed", row, error, reason="password", locked=locked)
            row.failed_attempts = 0
            row.locked_until = None
            if self._hasher.check_needs_rehash(stored):
                row.password_hash = self._hasher.hash(secret)
            # A correct password clears this name's failures (not the address's: one good
            # account must not reset the count of guesses at others from the same place).
            s.execute(delete(LoginAttemptRow).where(LoginAttemptRow.username == key))
            token = secrets.token_urlsafe(32)
            absolute = now + ABSOLUTE_TIMEOUT
            idle = min(now + IDLE_TIMEOUT, absolute)
            session_row = UserSessionRow(
                user_id=row.id,
                token_hash=token_hash(token),
                created_utc=now,
                last_seen_utc=now,
                idle_expires_utc=idle,
                absolute_expires_utc=absolute,
                revoked_utc=None,
                revoked_reason=None,
                client=where,
            )
            s.add(session_row)
            s.flush()
            record("login", row, session=session_row.id)
            uow.commit()
            return IssuedSession(token, Actor(row.username, Role(row.role)), idle, absolute)

    def actor_for(self, token: str) -> Actor:
        """The user a token belongs to, with their current role; slides the idle expiry.

        Raises ``SessionExpiredError`` for a token that is unknown, expired, revoked or of a
        user no longer active, without saying which.
        """
        now = self._ctx.clock()
        found = self._open_session(token, now)
        if found is None:
            raise SessionExpiredError()
        session_id, last_seen, absolute, actor = found
        if now - last_seen >= TOUCH_INTERVAL:
            self._touch(actor.username, session_id, now, absolute)
        return actor

    def is_open(self, token: str) -> bool:
        """True while the token's session is open (as ``actor_for`` would accept it), without
        sliding its idle expiry: the server's event stream asks this now and then, so that a
        revoked or expired token stops hearing changes, and listening alone never keeps a
        session alive."""
        return self._open_session(token, self._ctx.clock()) is not None

    def _open_session(
        self, token: str, now: datetime
    ) -> tuple[int, datetime, datetime, Actor] | None:
        """(session id, last seen, absolute expiry, actor) of an open session, else None."""
        if not token or len(token) > _TOKEN_MAX:
            return None
        digest = token_hash(token)
        with self._ctx.db.read() as uow:
            found = uow.session.execute(
                select(
                    UserSessionRow.id,
                    UserSessionRow.last_seen_utc,
                    UserSessionRow.idle_expires_utc,
                    UserSessionRow.absolute_expires_utc,
                    UserSessionRow.revoked_utc,
                    UserRow.username,
                    UserRow.role,
                    UserRow.active,
                )
                .join(UserRow, UserRow.id == UserSessionRow.user_id)
                .where(UserSessionRow.token_hash == digest)
            ).first()
        if found is None:
            return None
        session_id, last_seen, idle, absolute, revoked, username, role, active = found
        if revoked is not None or not active or now >= idle or now >= absolute:
            return None
        return session_id, last_seen, absolute, Actor(username, Role(role))

    def logout(self, token: str) -> None:
        """End the token's session (an unknown or ended one: nothing to do)."""
        if not token or len(token) > _TOKEN_MAX:
            return
        now = self._ctx.clock()
        with self._ctx.db.write() as uow:
            s = uow.session
            row = s.scalars(
                select(UserSessionRow).where(UserSessionRow.token_hash == token_hash(token))
            ).first()
            if row is None or row.revoked_utc is not None:
                return
            username = s.scalar(select(UserRow.username).where(UserRow.id == row.user_id))
            uow.act_as(username or "?")  # the token's own user
            row.revoked_utc = now
            row.revoked_reason = "logout"
            repo.audit(
                s,
                at=now,
                actor=username or "?",
                action="logout",
                entity="user",
                entity_id=row.user_id,
                patient_id=None,
                after={"session": row.id},
            )
            uow.commit()

    def revoke_user(self, session_or_uow: Session | UnitOfWork, user_id: int, reason: str) -> int:
        """End every open session of a user inside the caller's transaction (it commits);
        returns how many were open."""
        s = session_or_uow.session if isinstance(session_or_uow, UnitOfWork) else session_or_uow
        return repo.revoke_user_sessions(s, user_id, at=self._ctx.clock(), reason=reason)

    def _touch(self, username: str, session_id: int, now: datetime, absolute: datetime) -> None:
        with self._ctx.db.write(username) as uow:
            uow.session.execute(
                update(UserSessionRow)
                .where(UserSessionRow.id == session_id, UserSessionRow.revoked_utc.is_(None))
                .values(last_seen_utc=now, idle_expires_utc=min(now + IDLE_TIMEOUT, absolute))
                .execution_options(synchronize_session=False)
            )
            uow.commit()

    @staticmethod
    def _retry_after(s: Session, now: datetime, key: str, client: str) -> int | None:
        """Seconds until the attempt would be within both limits, or None when it is."""
        waits = []
        for column, value, limit in (
            (LoginAttemptRow.username, key, PER_USER_LIMIT),
            (LoginAttemptRow.client, client, PER_CLIENT_LIMIT),
        ):
            recent = (column == value, LoginAttemptRow.at_utc > now - RATE_WINDOW)
            count = s.scalar(select(func.count()).select_from(LoginAttemptRow).where(*recent))
            if not count or count < limit:
                continue
            # The attempt is allowed again once all but limit - 1 of these have left the
            # window: when the (count - limit + 1)-th oldest does.
            leaving = s.scalar(
                select(LoginAttemptRow.at_utc)
                .where(*recent)
                .order_by(LoginAttemptRow.at_utc)
                .offset(count - limit)
                .limit(1)
            )
            if leaving is not None:
                waits.append(max(1, math.ceil((leaving + RATE_WINDOW - now).total_seconds())))
        return max(waits) if waits else None
