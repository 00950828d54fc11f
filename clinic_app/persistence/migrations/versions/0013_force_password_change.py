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


# PostgreSQL: the server's role has UPDATE on the whole users table (0011): nothing to grant.


def upgrade() -> None:
    """Add the flag, false for every existing user."""
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Drop the flag (plain DROP COLUMN, SQLite 3.35+, keeps the table's triggers)."""
    op.drop_column("users", "must_change_password")
