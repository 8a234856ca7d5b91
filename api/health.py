"""/healthz and /readyz, for a load balancer and for systemd: no sign-in, no personal data.

/healthz: the process answers. /readyz: the database answers and is at the migration this code
expects, so a balancer sends nobody to an instance whose database is not upgraded yet.
"""

from flask import Flask, current_app, jsonify
from sqlalchemy.exc import SQLAlchemyError

from api import schema_version
from api.extensions import db

UPGRADE = "Run `flask --app api db upgrade` (make run does it)."


def _answer(code: int, **body):
    response = jsonify(body)
    response.status_code = code
    # A balancer must see the state of now, never a cached one.
    response.headers["Cache-Control"] = "no-store"
    return response


def healthz():
    """The process is up."""
    return _answer(200, status="ok")


def readyz():
    """200 when the database answers and is at the migration head, else 503 with why."""
    wanted = schema_version.expected(current_app)
    try:
        with db.engine.connect() as conn:
            at = schema_version.current(conn)
    except SQLAlchemyError:
        return _answer(503, status="unavailable", reason="The database does not answer.")
    if not at:
        reason = f"The database has no migrations applied. {UPGRADE}"
    elif at != wanted:
        have, need = ", ".join(sorted(at)), ", ".join(sorted(wanted))
        reason = f"The database is at migration {have}; this code needs {need}. {UPGRADE}"
    else:
        return _answer(200, status="ok")
    return _answer(503, status="unavailable", reason=reason)


def register(app: Flask) -> None:
    """Add the two routes (before the shell's catch-all, which would answer any path)."""
    app.add_url_rule("/healthz", "healthz", healthz, methods=["GET", "HEAD"])
    app.add_url_rule("/readyz", "readyz", readyz, methods=["GET", "HEAD"])
