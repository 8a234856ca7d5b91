"""push subscription failures and retry_at (back off from failing endpoints)

Revision ID: a7d2f4c1b9e3
Revises: b7d2e4f81c05
Create Date: 2026-11-28 04:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "a7d2f4c1b9e3"
down_revision = "b7d2e4f81c05"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("push_subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failures", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("push_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("retry_at")
        batch_op.drop_column("failures")
