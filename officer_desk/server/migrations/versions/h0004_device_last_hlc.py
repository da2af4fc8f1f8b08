"""Per device: the clock of the last change the hub applied from it, so that a change sent
again under a new op id (a replay) is refused (issue 14, item 6).

Existing devices start with NULL: the rule applies from their next applied change on.

Revision ID: h0004
Revises: h0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0004"
down_revision = "h0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("last_hlc", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("last_hlc")
