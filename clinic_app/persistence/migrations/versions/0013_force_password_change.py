"""An administrator can require a user to set a new password at their next login.

``users.must_change_password`` is false for every existing user; the login asks for a new
password while it is true, and the user's own new password clears it.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# PostgreSQL: users' columns are granted one by one (revision 0008); the new one is readable by
# every clinic group and set by administrators. Groups a later revision dropped are skipped.
PG_GRANTS = (
    ("clinic_front_desk", "SELECT"),
    ("clinic_nurse", "SELECT"),
    ("clinic_manager", "SELECT"),
    ("clinic_admin", "SELECT"),
    ("clinic_admin", "UPDATE"),
)


def _grant(verb: str) -> None:
    for group, right in PG_GRANTS:
        sql = (
            f"GRANT {right} (must_change_password) ON users TO {group}"
            if verb == "GRANT"
            else f"REVOKE {right} (must_change_password) ON users FROM {group}"
        )
        op.execute(
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{group}') THEN EXECUTE '{sql}'; END IF; END $$"
        )


def upgrade() -> None:
    """Add the flag, false for every existing user."""
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Drop the flag (plain DROP COLUMN, SQLite 3.35+, keeps the table's triggers)."""
    if op.get_bind().dialect.name == "postgresql":
        _grant("REVOKE")
    op.drop_column("users", "must_change_password")
