"""Retention is one rule for the facility: ``facility.retention_years``, synced (issue 16).

A workstation that had set the period locally keeps it as the facility's value (a purge must
never start earlier than the admin asked for); the next change by an admin is synced.

Revision ID: 0013
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facility", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retention_years", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE facility SET retention_years = ("
        "SELECT CAST(value AS INTEGER) FROM local_setting WHERE key = 'retention_years')"
    )


def downgrade() -> None:
    with op.batch_alter_table("facility", schema=None) as batch_op:
        batch_op.drop_column("retention_years")
