"""Cover: a cover assignment names the officer it covers for, so the cover is read as a rule.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Covers arranged before this revision keep NULL: store.home.holders reads their absent
    # officer from the person's contact assignment on the cover's first day, as before.
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("covers_officer_id", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_column("covers_officer_id")
