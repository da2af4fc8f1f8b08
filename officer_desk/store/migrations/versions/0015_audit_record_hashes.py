"""The audit covers records' content: ``audit_entry.content_hash`` and ``audit_record`` (issue 16).

Records already in the store get their hashes in one baseline entry, so ``verify`` can tell a
record changed behind the write path after the upgrade from one written before it.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from officer_desk.store import audit
    from officer_desk.store.tables import synced_tables

    op.add_column("audit_entry", sa.Column("content_hash", sa.String(), nullable=True))
    op.create_table(
        "audit_record",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("seq", "entity", "entity_id"),
        sqlite_with_rowid=False,
    )
    db = op.get_bind().connection.driver_connection
    audit.baseline(db, synced_tables(), "record hashes began")


def downgrade() -> None:
    op.drop_table("audit_record")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("content_hash")
