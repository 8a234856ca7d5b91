"""An upgrade loses nothing: rows written under every past schema arrive at head intact.

The database is built at the oldest migration still supported, then walked up one revision at a
time; at each revision every table gets rows as that schema has them. At head, every row is still
there with the values it was written with, and each column added since holds what STEPS says old
rows get. A new migration makes this test fail until it gets its line in STEPS.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

from tests.api.test_migrations import flask_db_upgrade, fresh_postgres  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Step:
    """What one migration does to rows already there."""

    # "table.column": the value every older row has in a column this migration adds.
    new_columns: dict = field(default_factory=dict)
    # Tables this migration drops on purpose, rows and all.
    dropped: frozenset = frozenset()


# Every migration, oldest first. Add a line here with each new migration.
STEPS = {
    "c67882d57f3b": Step(),  # initial schema: the oldest still supported
    "e5bc518612cb": Step(
        new_columns={
            "deliveries.kind": "slot",
            "deliveries.reason": None,
            "reminders.fire_kind": None,
            "reminders.last_slot_at": None,
        }
    ),
    "1f826bcea9a2": Step(),  # sessions; users rebuilt with AUTOINCREMENT on SQLite
    "742d4d71b389": Step(),  # password_resets
    "a3f1c9d27e40": Step(),  # throttles
    "b7d2e4f81c05": Step(dropped=frozenset({"login_failures"})),
    "a7d2f4c1b9e3": Step(
        new_columns={"push_subscriptions.failures": 0, "push_subscriptions.retry_at": None}
    ),
    "c4e8a1d5f203": Step(new_columns={"push_subscriptions.session_id": None}),
    "d2a9c6e4b1f7": Step(),  # checkins.crash may be NULL: stored true and false stay as they are
    "d9a3b6e0f1c4": Step(new_columns={"users.disabled_at": None}),  # and the invites table
    "f3c7a2b9d8e1": Step(
        new_columns={
            "checkins.sleep": None,
            "checkins.woke_with_cramp": None,
            "checkins.stiffness": None,
        }
    ),  # the morning check-in's sleep answers: older check-ins were never asked
    "e7c3a9f15b28": Step(),  # the experiments and experiment_days tables, empty
}


def chain() -> list[str]:
    """The revisions in migrations/versions, oldest first."""
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    script = ScriptDirectory.from_config(config)
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_every_migration_says_what_it_does_to_old_rows():
    assert list(STEPS) == chain(), (
        "add the new migration to STEPS (tests/api/" + Path(__file__).name + ")"
    )


class Filler:
    """Rows for any table, from its reflected columns: every column set, no two rows alike."""

    def __init__(self):
        self.n = count(1000)

    def value(self, column: sa.Column, conn):
        """A value this column accepts, pointing at an existing row for a foreign key."""
        for fk in column.foreign_keys:
            target = fk.column
            return conn.execute(sa.select(target).order_by(target).limit(1)).scalar_one()
        n = next(self.n)
        kind = column.type
        if isinstance(kind, sa.Boolean):
            return n % 2 == 0
        if isinstance(kind, sa.DateTime):
            moment = datetime(2026, 11, 1, 10, 0, tzinfo=UTC) + timedelta(minutes=n)
            return moment if kind.timezone else moment.replace(tzinfo=None)
        if isinstance(kind, sa.Date):
            return date(2026, 11, 1) + timedelta(days=n % 300)
        if isinstance(kind, sa.JSON):
            return [f"item-{n}", "ünïcode"]
        if isinstance(kind, sa.Uuid):
            return uuid.uuid4()
        if isinstance(kind, sa.Float):
            return n + 0.5
        if isinstance(kind, sa.Integer):
            return n
        if isinstance(kind, sa.String) and kind.length == 32 and column.name == "id":
            return uuid.uuid4().hex  # a Uuid as SQLite stores it
        text = f"{column.name}-{n}-é"
        return text[: kind.length] if isinstance(kind, sa.String) and kind.length else text

    def fill(self, conn, metadata: sa.MetaData, rows_per_table: int = 2) -> None:
        """Write rows into every table, parents before children."""
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            for _ in range(rows_per_table):
                conn.execute(table.insert().values({c.name: self.value(c, conn) for c in table.c}))


def rows(conn, metadata: sa.MetaData) -> dict:
    """{table: {primary key: {column: value}}} for every table."""
    out = {}
    for table in metadata.sorted_tables:
        if table.name == "alembic_version":
            continue
        key = list(table.primary_key.columns)
        out[table.name] = {
            tuple(row[c.name] for c in key): dict(row)
            for row in conn.execute(sa.select(table)).mappings()
        }
    return out


def reflect(engine) -> sa.MetaData:
    metadata = sa.MetaData()
    metadata.reflect(engine)
    return metadata


def walk_up_and_fill(url: str, instance: Path) -> dict:
    """Upgrade one revision at a time, filling every table at each; every row as written."""
    filler = Filler()
    written: dict = {}
    for revision in STEPS:
        flask_db_upgrade(url, instance, revision)
        engine = sa.create_engine(url)
        try:
            metadata = reflect(engine)
            with engine.begin() as conn:
                before = rows(conn, metadata)
                filler.fill(conn, metadata)
                after = rows(conn, metadata)
        finally:
            engine.dispose()
        for table, table_rows in after.items():
            new = {k: v for k, v in table_rows.items() if k not in before.get(table, {})}
            written.setdefault(table, {}).update(new)
    return written


def assert_intact(url: str, written: dict) -> None:
    """Every row written on the way up is at head, unchanged; added columns hold their default."""
    new_columns = {k: v for step in STEPS.values() for k, v in step.new_columns.items()}
    dropped = set().union(*(step.dropped for step in STEPS.values()))
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            now = rows(conn, reflect(engine))
    finally:
        engine.dispose()
    assert set(written) - set(now) == dropped
    for table, table_rows in now.items():
        assert table_rows.keys() == written[table].keys(), table
        for key, row in table_rows.items():
            old = written[table][key]
            assert {c: row[c] for c in old} == old, (table, key)
            added = {f"{table}.{c}": v for c, v in row.items() if c not in old}
            assert added == {c: new_columns[c] for c in added}, (table, key)


def test_sqlite_upgrade_from_the_oldest_schema_keeps_every_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    assert_intact(url, walk_up_and_fill(url, tmp_path))


def test_postgres_upgrade_from_the_oldest_schema_keeps_every_row(fresh_postgres, tmp_path):  # noqa: F811
    assert_intact(fresh_postgres, walk_up_and_fill(fresh_postgres, tmp_path))
