"""`flask db upgrade` builds, on an empty database, exactly the schema the models describe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api import models  # noqa: F401  (every table in the metadata)
from api.extensions import db

ROOT = Path(__file__).resolve().parents[2]
FLASK = Path(sys.executable).with_name("flask")


def flask_db_upgrade(url: str, instance: Path, *revision: str) -> None:
    """Run the real command, as `make run` does, in its own process."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "migration-test"}
    env["UNKNOT_INSTANCE"] = str(instance)
    done = subprocess.run(
        [str(FLASK), "--app", "api", "db", "upgrade", *revision],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def differences(url: str) -> list:
    """What alembic's autogenerate would still change: nothing, when all is right."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return [d for d in compare_metadata(context, db.metadata)]
    finally:
        engine.dispose()


def test_upgrade_on_a_new_sqlite_file_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    flask_db_upgrade(url, tmp_path)
    assert differences(url) == []


@pytest.fixture
def fresh_postgres(database_url):
    """A brand-new PostgreSQL database next to the test one, dropped afterwards."""
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("DATABASE_URL is not PostgreSQL")
    name = f"unknot_migration_check_{os.getpid()}"
    server = create_engine(
        make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with server.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def test_upgrade_on_a_new_postgres_database_matches_the_models(fresh_postgres, tmp_path):
    flask_db_upgrade(fresh_postgres, tmp_path)
    assert differences(fresh_postgres) == []


USER_COLUMNS = "email, password_hash, timezone, day_start_hour, water_target_ml, energy_budget, "
USER_COLUMNS += "chunk_minutes, sync_seq, created_at"


def add_person(conn, email: str) -> int:
    """A users row, by hand (the models already describe the new schema)."""
    conn.execute(
        text(
            f"INSERT INTO users ({USER_COLUMNS}) "
            "VALUES (:email, 'h', 'UTC', 4, 2000, 12, 15, 0, '2026-11-01 10:00:00')"
        ),
        {"email": email},
    )
    return conn.execute(text("SELECT id FROM users WHERE email = :e"), {"e": email}).scalar()


def test_sqlite_upgrade_keeps_every_record_and_never_reuses_a_user_id(tmp_path):
    """The users table is rebuilt with AUTOINCREMENT: nothing cascades away, no id comes back."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    flask_db_upgrade(url, tmp_path, "e5bc518612cb")
    engine = create_engine(url)
    with engine.begin() as conn:
        ana = add_person(conn, "ana@example.org")
        conn.execute(
            text(
                "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) "
                "VALUES (:u, 'https://push.example/1', 'k', 'a', '2026-11-01 10:00:00')"
            ),
            {"u": ana},
        )
    engine.dispose()
    flask_db_upgrade(url, tmp_path)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            assert conn.execute(text("SELECT user_id FROM push_subscriptions")).scalar() == ana
            ben = add_person(conn, "ben@example.org")
            conn.execute(text("DELETE FROM users WHERE id = :u"), {"u": ben})
            assert add_person(conn, "cleo@example.org") == ben + 1
            # The foreign key still cascades to the rebuilt table.
            conn.execute(text("DELETE FROM users WHERE id = :u"), {"u": ana})
            assert conn.execute(text("SELECT count(*) FROM push_subscriptions")).scalar() == 0
    finally:
        engine.dispose()
    assert differences(url) == []


def upgrade_keeps_accounts_usable(url: str, instance: Path) -> None:
    """An account made before invites and disabling is still on (disabled_at NULL) after."""
    flask_db_upgrade(url, instance, "c4e8a1d5f203")
    engine = create_engine(url)
    with engine.begin() as conn:
        ana = add_person(conn, "ana@example.org")
    engine.dispose()
    flask_db_upgrade(url, instance)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            row = conn.execute(text("SELECT id, email, disabled_at FROM users")).one()
            assert tuple(row) == (ana, "ana@example.org", None)
            assert conn.execute(text("SELECT count(*) FROM invites")).scalar() == 0
    finally:
        engine.dispose()
    assert differences(url) == []


def test_sqlite_upgrade_keeps_accounts_usable_and_adds_invites(tmp_path):
    upgrade_keeps_accounts_usable(f"sqlite:///{tmp_path / 'old.sqlite3'}", tmp_path)


def test_postgres_upgrade_keeps_accounts_usable_and_adds_invites(fresh_postgres, tmp_path):
    upgrade_keeps_accounts_usable(fresh_postgres, tmp_path)
