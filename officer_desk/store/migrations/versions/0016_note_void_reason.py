"""A case note can be voided with a reason: ``case_note.void_reason`` (issue 17 item 9).

A void marks the note ``deleted_at`` (every reader already leaves such notes out) and says
why; its revisions stay as written.  Every note row gains the column, so the audit's record
hashes of notes are taken again (``audit.baseline``).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_note", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("void_reason", sa.String(), nullable=False, server_default="")
        )
    from officer_desk.store import audit

    audit.baseline(
        op.get_bind().connection.driver_connection, ["case_note"], "notes gained a void reason"
    )


def downgrade() -> None:
    # SQLite drops the column in place (3.35+): a batch copy of the table would trip the
    # timeline search's triggers on case_note_revision, which name case_note (0014).
    op.execute("ALTER TABLE case_note DROP COLUMN void_reason")
