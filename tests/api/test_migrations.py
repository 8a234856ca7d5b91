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


def flask_db_upgrade(url: str, instance: Path) -> None:
    """Run the real command, as `make run` does, in its own process."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "migration-test"}
    env["UNKNOT_INSTANCE"] = str(instance)
    done = subprocess.run(
        [str(FLASK), "--app", "api", "db", "upgrade"],
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
