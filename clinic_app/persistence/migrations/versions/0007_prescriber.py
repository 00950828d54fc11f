"""Prescriber in the loop: a session names its prescriber; an override names who was consulted;
the clinic has a phone number for the letters to the outside prescriber and the patient sheet.

Every new column is nullable: sessions booked and overrides recorded before this revision stay
valid as they are (the service asks for a prescriber consulted on new overrides only).

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSION_COLUMNS = ("prescriber_name", "prescriber_practice", "prescriber_contact")


def upgrade() -> None:
    """Add the prescriber of a session and the prescriber consulted on an override."""
    for name in SESSION_COLUMNS:
        op.add_column("sessions", sa.Column(name, sa.String(length=200), nullable=True))
    op.add_column(
        "overrides", sa.Column("consulted_prescriber", sa.String(length=200), nullable=True)
    )
    op.add_column("clinic_settings", sa.Column("phone", sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Drop the prescriber columns.

    Plain ``DROP COLUMN`` (SQLite 3.35+), not batch mode: a batch rebuild of ``sessions`` would
    drop the invariant triggers of revision 0002 with the old table.
    """
    op.drop_column("clinic_settings", "phone")
    op.drop_column("overrides", "consulted_prescriber")
    for name in reversed(SESSION_COLUMNS):
        op.drop_column("sessions", name)
