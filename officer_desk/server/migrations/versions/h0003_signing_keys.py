"""Signed changes: the public keys the hub checks signatures with (facility IT's root keys and
every account's keys with their validity), and every refusal with who claimed to sign it.

Revision ID: h0003
Revises: h0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0003"
down_revision = "h0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_key",
        sa.Column("officer_id", sa.String(64), primary_key=True),
        sa.Column("public", sa.String(64), primary_key=True),
        sa.Column("root_unit_code", sa.String(40), nullable=True),
        sa.Column("valid_from", sa.String(120), nullable=False),
        sa.Column("retired_at", sa.String(120), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "rejection",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("claimed_signer", sa.String(64), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_rejection_at", "rejection", ["at"])


def downgrade() -> None:
    op.drop_index("ix_rejection_at", "rejection")
    op.drop_table("rejection")
    op.drop_table("signing_key")
