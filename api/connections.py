"""Pooled database connections: a dropped one is noticed without a round trip to the server.

SQLAlchemy's pool_pre_ping sends a query to the database each time a request takes a
connection from the pool: on PostgreSQL that round trip was a quarter of an empty sync's.
Instead, a connection the server has closed (a restart, pg_terminate_backend, an idle
timeout) is recognised by its socket: an idle connection is sent nothing, so a socket with
something to read holds the server's goodbye (or its end of file). The pool then throws that
connection away and opens another, and the request never sees it.

A connection that drops while a request uses it (after that check) cannot be saved silently:
the request answers 503 with a plain message, not a 500, and the pool reconnects for the next.
"""

import select

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, DisconnectionError

from api.errors import ApiError, to_response

# Connections older than this are closed and opened again when next taken from the pool, so a
# firewall or proxy that forgets idle connections silently after some hours never meets one.
RECYCLE_SECONDS = 3600


class Unavailable(ApiError):
    status = 503


DROPPED = "The connection to the database dropped. Nothing was saved from this request: try again."


def _socket(dbapi_connection) -> int | None:
    """The socket of a psycopg (PostgreSQL) connection; None for SQLite."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    return pgconn.socket if pgconn is not None else None


@event.listens_for(Engine, "checkout")
def _refuse_closed(dbapi_connection, _record, _proxy) -> None:
    """Raising DisconnectionError here makes the pool discard the connection and try another."""
    if getattr(dbapi_connection, "broken", False) or getattr(dbapi_connection, "closed", False):
        raise DisconnectionError("connection closed")
    try:
        fd = _socket(dbapi_connection)
    except Exception as err:  # psycopg raises once the connection is closed
        raise DisconnectionError("connection closed") from err
    if fd is None:
        return
    readable, _, _ = select.select([fd], [], [], 0)
    if readable:
        raise DisconnectionError("the server closed this connection")


def _dropped(err: DBAPIError):
    """503 for a connection lost mid-request; any other database error stays a 500."""
    if not err.connection_invalidated:
        raise err
    return to_response(Unavailable(DROPPED, headers={"Retry-After": "1"}))


def register(app: Flask) -> None:
    app.register_error_handler(DBAPIError, _dropped)
