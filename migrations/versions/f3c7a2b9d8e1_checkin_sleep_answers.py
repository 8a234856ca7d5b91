"""the morning check-in asks about the night: sleep (0-10), woke with a cramp, morning stiffness

Revision ID: f3c7a2b9d8e1
Revises: d9a3b6e0f1c4
Create Date: 2026-11-28 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "f3c7a2b9d8e1"
down_revision = "d9a3b6e0f1c4"
branch_labels = None
depends_on = None


def upgrade():
    # Check-ins already stored were never asked: NULL, not answered.
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sleep", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("woke_with_cramp", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("stiffness", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("stiffness")
        batch_op.drop_column("woke_with_cramp")
        batch_op.drop_column("sleep")
