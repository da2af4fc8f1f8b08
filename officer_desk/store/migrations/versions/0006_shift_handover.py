"""Shift handover: the handover, its per-person entries, actions, contingencies, unit items.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "handover",
        *_synced(),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("unit_id", sa.String(), nullable=False),
        sa.Column("shift_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shift_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outgoing_id", sa.String(), nullable=False),
        sa.Column("incoming_id", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handed_over_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["outgoing_id"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["signed_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_handover_unit_shift", "handover", ["unit_id", "shift_start"], unique=False)
    op.create_table(
        "handover_action",
        *_synced(),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("handover_id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("owner_id", sa.String(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["done_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["officer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_handover_action_handover_id"), "handover_action", ["handover_id"], unique=False
    )
    op.create_table(
        "handover_contingency",
        *_synced(),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("handover_id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=True),
        sa.Column("condition", sa.String(), nullable=False),
        sa.Column("response", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_handover_contingency_handover_id"),
        "handover_contingency",
        ["handover_id"],
        unique=False,
    )
    op.create_table(
        "handover_entry",
        *_synced(),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("handover_id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=False),
        sa.Column("draft", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(), nullable=True),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("asked_by", sa.String(), nullable=True),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["answered_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["asked_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("handover_id", "inmate_id"),
    )
    op.create_index(
        op.f("ix_handover_entry_inmate_id"), "handover_entry", ["inmate_id"], unique=False
    )
    op.create_table(
        "handover_unit_item",
        *_synced(),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("handover_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_handover_unit_item_handover_id"),
        "handover_unit_item",
        ["handover_id"],
        unique=False,
    )


def downgrade() -> None:
    for table in (
        "handover_unit_item",
        "handover_entry",
        "handover_contingency",
        "handover_action",
        "handover",
    ):
        op.drop_table(table)
