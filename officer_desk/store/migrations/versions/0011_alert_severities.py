"""Alerts gain a severity: one per alert, in a list beside ``inmate.alerts``.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing alerts get no entry: they read as medium until someone rates them.
    with op.batch_alter_table("inmate", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("alert_severities", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("inmate", schema=None) as batch_op:
        batch_op.drop_column("alert_severities")
