"""Per device: when it last synced, how many changes it said were waiting, its app version
(for the supervisors' unit overview).

Revision ID: h0002
Revises: h0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0002"
down_revision = "h0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("waiting", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("app_version", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        for name in ("app_version", "waiting", "last_sync_at"):
            batch.drop_column(name)
