"""throttles: sign-in and sign-up counters per address, account and pair

Revision ID: a3f1c9d27e40
Revises: 742d4d71b389
Create Date: 2026-11-28 04:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a3f1c9d27e40"
down_revision = "742d4d71b389"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "throttles",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_throttles")),
    )
    with op.batch_alter_table("throttles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_throttles_window_start"), ["window_start"], unique=False
        )


def downgrade():
    with op.batch_alter_table("throttles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_throttles_window_start"))
    op.drop_table("throttles")
