"""server-side sessions, and user ids never reused on SQLite

Revision ID: 1f826bcea9a2
Revises: e5bc518612cb
Create Date: 2026-11-28 04:40:00

SQLite hands a deleted row's id to the next insert unless the table is AUTOINCREMENT, which
only a rebuild of the table can add. Rebuilding `users` drops the old table, and with foreign
keys on SQLite would first delete every row that cascades from it: env.py runs SQLite
migrations with foreign keys off, and this migration refuses to run otherwise.
PostgreSQL sequences never hand a number out twice: nothing to do there.

Cookies made before this revision carry a user id, which no longer signs anyone in: everyone
signs in once more after the upgrade (the app keeps what is on the phone and asks for it).
"""

import sqlalchemy as sa
from alembic import op

revision = "1f826bcea9a2"
down_revision = "e5bc518612cb"
branch_labels = None
depends_on = None


def _rebuild_users(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "Rebuilding users with foreign keys on would delete every record: "
            "run this migration through `flask db upgrade` (env.py turns them off)."
        )
    with op.batch_alter_table(
        "users", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade():
    _rebuild_users(autoincrement=True)
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("device", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sessions_token_hash")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_user_id"))
    op.drop_table("sessions")
    _rebuild_users(autoincrement=False)
