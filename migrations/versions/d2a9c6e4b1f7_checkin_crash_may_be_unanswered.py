"""a check-in's "Did you crash?" may be left unanswered (NULL), not stored as "no"

Revision ID: d2a9c6e4b1f7
Revises: c4e8a1d5f203
Create Date: 2026-11-28 07:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "d2a9c6e4b1f7"
down_revision = "c4e8a1d5f203"
branch_labels = None
depends_on = None


def upgrade():
    # Rows already stored keep their false: nothing tells a skipped answer from a "no" there.
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.alter_column("crash", existing_type=sa.Boolean(), nullable=True)


def downgrade():
    op.execute("UPDATE checkins SET crash = false WHERE crash IS NULL")
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.alter_column("crash", existing_type=sa.Boolean(), nullable=False)
