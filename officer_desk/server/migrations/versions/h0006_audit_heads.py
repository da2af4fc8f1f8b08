"""The audit chain heads workstations anchor at the hub (issue 16, item 1).

Revision ID: h0006
Revises: h0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0006"
down_revision = "h0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("device_id", sa.String(40), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("signature", sa.String(120), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_head_device_id", "audit_head", ["device_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_head_device_id", "audit_head")
    op.drop_table("audit_head")
