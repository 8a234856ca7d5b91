"""Fixtures: an app on a real database (a SQLite file, or the PostgreSQL of DATABASE_URL)."""

import os

import pytest
from sqlalchemy import text

from api import create_app
from api.extensions import db


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The database the tests run on, with its tables created once."""
    url = os.environ.get("DATABASE_URL")
    if url:
        from api.config import database_url as normalise

        return normalise(tmp_path_factory.mktemp("instance"))
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("instance")
    os.environ["UNKNOT_INSTANCE"] = str(path)
    return path


def make_app(database_url, instance_dir, **extra):
    """An app for tests, sharing one database and instance folder."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "VAPID_PRIVATE_KEY_PATH": str(instance_dir / "vapid_private.pem"),
        "VAPID_PUBLIC_KEY_PATH": str(instance_dir / "vapid_public.pem"),
        # The push-service stand-in (tests/push/standin.py) listens on 127.0.0.1.
        "PUSH_ALLOW_LOOPBACK": True,
    }
    config.update(extra)
    return create_app(config)


def clean_tables() -> None:
    """Empty every table, children first."""
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture(scope="session")
def _schema(database_url, instance_dir):
    app = make_app(database_url, instance_dir)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        db.create_all()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(database_url, instance_dir, _schema):
    app = make_app(database_url, instance_dir)
    with app.app_context():
        clean_tables()
        yield app
        db.session.remove()
        clean_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Sign people up and in through the API, as the app does."""

    def __init__(self, client):
        self.client = client

    def register(self, email="ana@example.org", password="correct horse", timezone="Europe/Berlin"):
        return self.client.post(
            "/api/v1/auth/register",
            json={"email": email, "password": password, "timezone": timezone},
        )

    def login(self, email="ana@example.org", password="correct horse"):
        return self.client.post("/api/v1/auth/login", json={"email": email, "password": password})

    def logout(self):
        return self.client.post("/api/v1/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def make_client(app):
    """Another signed-in client (another person or another device)."""

    def make(email=None, password="correct horse", register=True, timezone="Europe/Berlin"):
        other = app.test_client()
        actions = AuthActions(other)
        if register:
            assert actions.register(email, password, timezone).status_code == 201
        else:
            assert actions.login(email, password).status_code == 200
        return other

    return make
