"""Real instances for the backup and health tests: fresh databases, the flask command, apps.

Each instance is what an operator has: a database built by `flask db upgrade`, an instance
folder whose keys `flask keys init` made, and an app that reads them as `make run` would.
"""

import itertools
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api import create_app
from api.extensions import db
from tests.api.test_migrations import FLASK, ROOT

_numbers = itertools.count()


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


@contextmanager
def fresh_databases(database_url: str, folder: Path):
    """A maker of brand-new empty databases of the suite's kind, all dropped afterwards."""
    made = []
    server = None
    if is_postgres(database_url):
        server = create_engine(
            make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )

    def make() -> str:
        n = next(_numbers)
        if server is None:
            return f"sqlite:///{folder / f'fresh-{n}.sqlite3'}"
        name = f"unknot_backup_{os.getpid()}_{n}"
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return make_url(database_url).set(database=name).render_as_string(hide_password=False)

    try:
        yield make
    finally:
        if server is not None:
            with server.connect() as conn:
                for name in made:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            server.dispose()


def flask(url: str, instance: Path, *args: str) -> subprocess.CompletedProcess:
    """`flask --app api ARGS` in its own process, on this database and instance folder."""
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DATABASE_URL=url, UNKNOT_INSTANCE=str(instance))
    return subprocess.run(
        [str(FLASK), "--app", "api", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def flask_ok(url: str, instance: Path, *args: str) -> str:
    done = flask(url, instance, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def set_up(url: str, instance: Path, *revision: str) -> None:
    """A new installation: migrations applied, keys made."""
    flask_ok(url, instance, "db", "upgrade", *revision)
    flask_ok(url, instance, "keys", "init")


@pytest.fixture
def instance_app(monkeypatch):
    """A maker of this instance's app: its session key and VAPID keys read from the folder.

    Their connections are closed at the end, before the databases are dropped."""
    apps = []

    def make(url: str, instance: Path, **config):
        with monkeypatch.context() as env:
            env.setenv("UNKNOT_INSTANCE", str(instance))
            env.delenv("SECRET_KEY", raising=False)
            settings = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url}
            apps.append(create_app({**settings, "PUSH_ALLOW_LOOPBACK": True, **config}))
        return apps[-1]

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def databases(database_url, tmp_path):
    """A maker of brand-new empty databases, dropped after the test."""
    with fresh_databases(database_url, tmp_path) as make:
        yield make


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
