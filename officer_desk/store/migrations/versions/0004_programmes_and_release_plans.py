"""Programmes, enrolments, milestones, certificates; release plans, items, referrals, sign-offs.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("name_nb", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "programme_milestone",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("programme_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_en", sa.String(), nullable=False),
        sa.Column("title_nb", sa.String(), nullable=False),
        sa.Column("expected_hours", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("programme_id", "position"),
    )
    op.create_table(
        "certificate",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=False),
        sa.Column("programme_id", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_inmate_id"), ["inmate_id"], unique=False)

    op.create_table(
        "enrolment",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=False),
        sa.Column("programme_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_inmate_id"), ["inmate_id"], unique=False)

    op.create_table(
        "release_plan",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("inmate_id", sa.String(), nullable=False),
        sa.Column("release_date", sa.Date(), nullable=False),
        sa.Column("template_code", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["officer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inmate_id"],
            ["inmate.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inmate_id"),
    )
    op.create_table(
        "milestone_signoff",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("enrolment_id", sa.String(), nullable=False),
        sa.Column("milestone_id", sa.String(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["milestone_id"],
            ["programme_milestone.id"],
        ),
        sa.ForeignKeyConstraint(
            ["signed_by"],
            ["officer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("enrolment_id", "milestone_id"),
    )
    op.create_table(
        "release_plan_item",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("pathway", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_en", sa.String(), nullable=False),
        sa.Column("title_nb", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("evidence", sa.String(), nullable=False),
        sa.Column("gate_role", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["release_plan.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "code"),
    )
    with op.batch_alter_table("release_plan_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_plan_item_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "release_signoff",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("signed_by", sa.String(), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("override_reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["release_plan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["signed_by"],
            ["officer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("release_signoff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_signoff_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("updated_hlc", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("agency", sa.String(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["release_plan_item.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_item_id"), ["item_id"], unique=False)

    with op.batch_alter_table("activity_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programme_id", sa.String(), nullable=True))
        batch_op.create_index("ix_activity_log_amends_id", ["amends_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_activity_log_programme_id", "programme", ["programme_id"], ["id"]
        )

    op.create_index("ix_meal_log_amends_id", "meal_log", ["amends_id"], unique=False)
    op.create_index("ix_conversation_amends_id", "conversation", ["amends_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_conversation_amends_id", table_name="conversation")
    op.drop_index("ix_meal_log_amends_id", table_name="meal_log")
    with op.batch_alter_table("activity_log", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_log_amends_id")
        batch_op.drop_constraint("fk_activity_log_programme_id", type_="foreignkey")
        batch_op.drop_column("programme_id")

    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_item_id"))

    op.drop_table("referral")
    with op.batch_alter_table("release_signoff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_signoff_plan_id"))

    op.drop_table("release_signoff")
    with op.batch_alter_table("release_plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_plan_item_plan_id"))

    op.drop_table("release_plan_item")
    op.drop_table("milestone_signoff")
    op.drop_table("release_plan")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_inmate_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_inmate_id"))

    op.drop_table("certificate")
    op.drop_table("programme_milestone")
    op.drop_table("programme")
