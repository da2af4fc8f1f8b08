"""Operating the hub (issue 15, item 3): op results pruned by age, and the unit lag metric.

``op_result.at`` gets an index (the prune reads by age); per device, when its latest push came
in (``last_push_at``: the results of earlier pushes may be pruned) and when a pull last
brought it everything (``pulled_at``: /metrics' lag per unit).  Existing devices start with
NULL: nothing of theirs is pruned before their next push.

Revision ID: h0007
Revises: h0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0007"
down_revision = "h0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("last_push_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("pulled_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_op_result_at", "op_result", ["at"])


def downgrade() -> None:
    op.drop_index("ix_op_result_at", "op_result")
    with op.batch_alter_table("device") as batch:
        batch.drop_column("pulled_at")
        batch.drop_column("last_push_at")
