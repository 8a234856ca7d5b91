"""Unknot: the application factory."""

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from api import (
    access_log,
    cli,
    config,
    connections,
    errors,
    health,
    json_body,
    limits,
    security,
    web,
)
from api.extensions import api, db, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config, extensions, blueprints, security headers."""
    root = Path(__file__).resolve().parent.parent
    app = Flask(
        __name__,
        instance_path=str(config.instance_path(root)),
        static_folder=None,
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.update(config.load(app.instance_path, test_config))
    app.config["PROJECT_ROOT"] = str(root)
    register_proxies(app)
    access_log.register(app)
    register_extensions(app)
    register_blueprints(app)
    errors.register(app)
    connections.register(app)
    limits.register(app)
    security.register(app)
    json_body.register(app)
    health.register(app)
    web.register(app)
    cli.register(app)
    return app


def register_proxies(app: Flask) -> None:
    """Behind UNKNOT_PROXIES proxies, take the client's address, scheme and host from them."""
    hops = app.config["PROXIES"]
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    """Bind db, migrations and the OpenAPI layer; sessions in the signed cookie, remembered."""
    from api import models  # noqa: F401  (every table known to Alembic)
    from api.auth.cookies import CheckedCookies

    app.session_interface = CheckedCookies()
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.config["PROJECT_ROOT"]) / "migrations"))
    api.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per feature.

    Imported when the app is built, not with `api`: the server's master process imports `api`
    before its gevent workers patch the standard library; with the feature modules loaded that
    early, the server no longer stopped on SIGTERM (tests/api/test_serve.py caught it).
    """
    from api.auth.routes import blp as auth
    from api.push.routes import blp as push
    from api.reminders.routes import blp as reminders
    from api.sync.routes import blp as sync

    for blp in (auth, sync, push, reminders):
        api.register_blueprint(blp)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """Foreign keys on, and WAL so readers do not block the writer."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()
