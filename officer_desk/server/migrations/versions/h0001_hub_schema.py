"""The hub's first schema: devices, enrolment codes, merged records, op results, seq counter.

Revision ID: h0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "hub_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(state, [{"id": 1, "last_seq": 0}])
    op.create_table(
        "device",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "enrol_code",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("device_id", sa.String(40), nullable=True),
    )
    op.create_table(
        "record",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("inmate_id", sa.String(64), nullable=True),
        sa.Column("scope_unit", sa.String(64), nullable=True),
        sa.Column("prev_unit", sa.String(64), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False),
    )
    op.create_index("ix_record_inmate_id", "record", ["inmate_id"])
    op.create_index("ix_record_seq", "record", ["seq"])
    op.create_table(
        "op_result",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for name in ("op_result", "record", "enrol_code", "device", "hub_state"):
        op.drop_table(name)
