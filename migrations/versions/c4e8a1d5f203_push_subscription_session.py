"""push subscriptions belong to the sign-in that made them, and go when it ends

Revision ID: c4e8a1d5f203
Revises: a7d2f4c1b9e3
Create Date: 2026-11-28 04:55:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "c4e8a1d5f203"
down_revision = "a7d2f4c1b9e3"
branch_labels = None
depends_on = None


def upgrade():
    # Existing subscriptions keep working (session_id NULL) until their device signs in again.
    with op.batch_alter_table("push_subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_push_subscriptions_session_id"), ["session_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_push_subscriptions_session_id_sessions"),
            "sessions",
            ["session_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    with op.batch_alter_table("push_subscriptions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_push_subscriptions_session_id_sessions"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_push_subscriptions_session_id"))
        batch_op.drop_column("session_id")
