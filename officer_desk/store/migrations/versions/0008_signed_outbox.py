"""Signed changes: each outbox entry names who signs it and carries the signature once made.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): the outbox can be long on a store that was offline.
    op.add_column("outbox_entry", sa.Column("signer", sa.String(), nullable=True))
    op.add_column("outbox_entry", sa.Column("signature", sa.String(), nullable=True))
    # Changes queued before this version are signed by their author at that author's next
    # sign-in (app.writes.sign_queued); a local tool's (no author) by the next admin.
    op.execute(
        "UPDATE outbox_entry SET signer = json_extract(payload, '$.updated_by') "
        "WHERE json_valid(payload)"
    )
    op.execute(
        "INSERT OR REPLACE INTO local_setting (key, value) "
        "SELECT 'signed_outbox_from', CAST(COALESCE(MAX(seq), 0) + 1 AS TEXT) FROM outbox_entry"
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox_entry", schema=None) as batch_op:
        batch_op.drop_column("signature")
        batch_op.drop_column("signer")
