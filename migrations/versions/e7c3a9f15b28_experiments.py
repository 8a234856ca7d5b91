"""experiments and their daily answers ("Did you do it yesterday?"), two synced collections

Revision ID: e7c3a9f15b28
Revises: f3c7a2b9d8e1
Create Date: 2026-11-28 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "e7c3a9f15b28"
down_revision = "f3c7a2b9d8e1"
branch_labels = None
depends_on = None


def _sync_columns(table):
    return [
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f(f"pk_{table}")),
    ]


def upgrade():
    op.create_table(
        "experiments",
        sa.Column("fix", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=True),
        sa.Column("start_day", sa.Date(), nullable=False),
        sa.Column("block_days", sa.Integer(), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        *_sync_columns("experiments"),
    )
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.create_index("ix_experiments_user_seq", ["user_id", "seq"], unique=True)

    op.create_table(
        "experiment_days",
        sa.Column("experiment_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        *_sync_columns("experiment_days"),
    )
    with op.batch_alter_table("experiment_days", schema=None) as batch_op:
        batch_op.create_index("ix_experiment_days_user_seq", ["user_id", "seq"], unique=True)


def downgrade():
    with op.batch_alter_table("experiment_days", schema=None) as batch_op:
        batch_op.drop_index("ix_experiment_days_user_seq")
    op.drop_table("experiment_days")
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.drop_index("ix_experiments_user_seq")
    op.drop_table("experiments")
