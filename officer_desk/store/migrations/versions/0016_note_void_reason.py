"""A case note can be voided with a reason: ``case_note.void_reason`` (issue 17 item 9).

A void marks the note ``deleted_at`` (every reader already leaves such notes out) and says
why; its revisions stay as written.

Revision ID: 0016
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_note", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("void_reason", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("case_note", schema=None) as batch_op:
        batch_op.drop_column("void_reason")
