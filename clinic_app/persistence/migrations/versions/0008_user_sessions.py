"""Clinic server logins: session tokens (stored hashed) and failed attempts for rate limits.

``user_sessions`` holds one row per login at the clinic server: the SHA-256 of its opaque
token (never the token), its idle and absolute expiry, and when and why it was revoked.
``login_attempts`` holds the failed logins of the last window, per claimed user name and
client address, so that several server instances on one database share one rate limit.

On PostgreSQL every user now gets an argon2id hash too (the server checks it). A hash must not
be readable by the per-user logins of the direct desktop mode: their groups lose SELECT on
``users.password_hash`` (every other column stays readable); administrators may write it, and
anyone may set their own through ``clinic_set_own_password_hash()``, which also revokes their
server sessions. Nobody but the owner (the server) reads or writes the new tables, except that
administrators may revoke sessions (deactivating a user, changing a role, resetting a password).

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = "clinic_front_desk, clinic_nurse, clinic_manager, clinic_admin"
READABLE_USER_COLUMNS = (
    "id, username, full_name, role, active, failed_attempts, locked_until, created_at"
)

PG_UPGRADE = [
    "REVOKE ALL ON user_sessions, login_attempts FROM PUBLIC",
    f"REVOKE SELECT ON users FROM {GROUPS}",
    f"GRANT SELECT ({READABLE_USER_COLUMNS}) ON users TO {GROUPS}",
    "GRANT UPDATE (password_hash) ON users TO clinic_admin",
    "GRANT SELECT (id, user_id, revoked_utc), UPDATE (revoked_utc, revoked_reason) "
    "ON user_sessions TO clinic_admin",
    # One's own password, from the direct desktop mode: the hash lands on the row of the
    # login itself (session_user), never another's, and that user's server sessions end.
    """
    CREATE FUNCTION clinic_set_own_password_hash(p_hash text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    DECLARE
        v_id integer;
    BEGIN
        UPDATE public.users SET password_hash = p_hash, failed_attempts = 0,
                                locked_until = NULL
         WHERE username = session_user::text
        RETURNING id INTO v_id;
        IF v_id IS NULL THEN
            RAISE EXCEPTION 'no app user for login %', session_user USING ERRCODE = '42501';
        END IF;
        UPDATE public.user_sessions SET revoked_utc = pg_catalog.now(),
                                        revoked_reason = 'password'
         WHERE user_id = v_id AND revoked_utc IS NULL;
    END $$
    """,
    "REVOKE ALL ON FUNCTION clinic_set_own_password_hash(text) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION clinic_set_own_password_hash(text) TO {GROUPS}",
]

PG_DOWNGRADE = [
    "DROP FUNCTION IF EXISTS clinic_set_own_password_hash(text)",
    "REVOKE UPDATE (password_hash) ON users FROM clinic_admin",
    f"REVOKE SELECT ({READABLE_USER_COLUMNS}) ON users FROM {GROUPS}",
    f"GRANT SELECT ON users TO {GROUPS}",
]


def upgrade() -> None:
    """Create the session and failed-attempt tables; on PostgreSQL, hide the hashes."""
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("idle_expires_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("absolute_expires_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=40), nullable=True),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_sessions_token_hash")),
    )
    op.create_index("ix_user_sessions_user_id", "user_sessions", ["user_id"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    op.create_index("ix_login_attempts_username_at", "login_attempts", ["username", "at_utc"])
    op.create_index("ix_login_attempts_client_at", "login_attempts", ["client", "at_utc"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    """Drop the tables (every session ends); on PostgreSQL, users is readable again."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_DOWNGRADE:
            op.execute(statement)
    op.drop_index("ix_login_attempts_client_at", table_name="login_attempts")
    op.drop_index("ix_login_attempts_username_at", table_name="login_attempts")
    op.drop_table("login_attempts")
    op.drop_index("ix_user_sessions_user_id", table_name="user_sessions")
    op.drop_table("user_sessions")
