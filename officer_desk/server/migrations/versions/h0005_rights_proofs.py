"""What lets a workstation check pulled rights without trusting the hub (issue 14, item 4):
the signed changes behind each rights-granting record (``record.proof``) and the log of
signed changes to accounts (``account_log``).

Records stored before this revision have no proof: a workstation that already holds them
keeps them; a new one puts their rights-granting values aside until they are changed again
(docs/ARCHITECTURE.md, "Signed changes").

Revision ID: h0005
Revises: h0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0005"
down_revision = "h0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("proof", sa.Text, nullable=True))
    op.create_table(
        "account_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=True),
        sa.Column("prev_unit", sa.String(64), nullable=True),
        sa.Column("officer_id", sa.String(64), nullable=False),
        sa.Column("envelope", sa.Text, nullable=False),
    )
    op.create_index("ix_account_log_unit_id", "account_log", ["unit_id"])
    op.create_index("ix_account_log_prev_unit", "account_log", ["prev_unit"])


def downgrade() -> None:
    op.drop_index("ix_account_log_prev_unit", "account_log")
    op.drop_index("ix_account_log_unit_id", "account_log")
    op.drop_table("account_log")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("proof")
