"""The audit covers records' content: ``audit_entry.content_hash`` and ``audit_record`` (issue 16).

Records already in the store get their hashes in one baseline entry, so ``verify`` can tell a
record changed behind the write path after the upgrade from one written before it.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from datetime import UTC, datetime

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
    )
    db = op.get_bind().connection.driver_connection
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    keys = [
        (table, str(row[0]))
        for table in synced_tables()
        if table in present
        for row in db.execute(f"SELECT id FROM {table}")
    ]
    if not keys:
        return
    device = db.execute("SELECT value FROM local_setting WHERE key = 'device_id'").fetchone()
    baseline = audit.Draft(
        at=datetime.now(UTC),
        actor_id=None,
        actor_name="system",
        workstation=device[0] if device else "",
        action="baseline",
        entity="store",
        entity_id=None,
        detail=f"content hashes of the {len(keys)} records held when record hashes began",
        records=list(audit.current_hashes(db, keys)),
    )
    audit.chain(db, [baseline])


def downgrade() -> None:
    op.drop_table("audit_record")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("content_hash")
