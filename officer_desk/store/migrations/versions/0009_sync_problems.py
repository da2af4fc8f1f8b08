"""Sync: the visible list of records pulled from the hub that this workstation cannot read.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_problem",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=True),
        sa.Column("hub_seq", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("record", sa.String(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("entity", "entity_id"),
    )
    with op.batch_alter_table("sync_problem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_problem_inmate_id"), ["inmate_id"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_problem")
