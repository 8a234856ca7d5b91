"""Pooled database connections: a dropped one is noticed without a round trip to the server.

SQLAlchemy's pool_pre_ping sends a query to the database each time a request takes a
connection from the pool: on PostgreSQL that round trip was a quarter of an empty sync's.
Instead, a connection the server has closed (a restart, pg_terminate_backend, an idle
timeout) is recognised by its socket: an idle connection is sent nothing, so a socket with
something to read holds the server's goodbye (or its end of file). The pool then throws that
connection away and opens another, and the request never sees it.

A connection that drops while a request uses it (after that check) cannot be saved silently:
the request answers 503 with a plain message, not a 500, and the pool reconnects for the next.

`first_row` reads one row outside any transaction, on PostgreSQL straight on the pooled driver
connection: the read every sync begins with (api/auth/sessions.py).
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


class Dropped(Exception):
    """The connection died during a `first_row` read; it was thrown away, not pooled again."""


# Statements compiled for each dialect, once: {(statement, dialect name): compiled}. Only the
# module-level statements of the app come here, so it stays as small as they are few.
_COMPILED: dict[tuple, object] = {}


def first_row(engine: Engine, statement, params: dict):
    """The first row of one SELECT (columns by name) or None, read outside any transaction.

    On PostgreSQL (psycopg) the statement runs on the pooled driver connection itself, in
    autocommit (no BEGIN and ROLLBACK round trips around it). SQLAlchemy's Connection around a
    single statement (its object, execution options, cache lookup, result metadata and row)
    cost a worker as much CPU as the round trip: measured under `wrk`, an empty sync took
    0.61 ms of a worker's CPU through it and 0.52 ms straight on psycopg. The statement is still
    SQLAlchemy's, compiled once, and the pool's checkout check above still runs. What is given up
    is SQLAlchemy's events and type processing, both ways: parameters go as given and columns
    come as psycopg returns them (integers, text, aware datetimes), so only statements whose
    parameters and columns need no processing belong here.

    Elsewhere (SQLite), SQLAlchemy as usual: its driver begins no transaction for a read anyway.
    Raises Dropped when the connection dies meanwhile.
    """
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
        with engine.connect() as conn:
            return conn.execute(statement, params).first()
    from psycopg.rows import namedtuple_row  # there whenever the driver is psycopg

    pooled = engine.raw_connection()
    driver = pooled.driver_connection  # psycopg's own Connection
    try:
        compiled = _compiled(statement, engine)
        driver.autocommit = True
        with driver.cursor(row_factory=namedtuple_row) as cursor:
            # construct_params: the statement's own constants too, beside the caller's values.
            row = cursor.execute(compiled.string, compiled.construct_params(params)).fetchone()
        driver.autocommit = False
    except BaseException as err:
        died = isinstance(err, Exception) and driver.closed
        # Whatever went wrong, the connection is not pooled again: it may be dead, or still in
        # autocommit, which would make the next request's transaction a row of single writes.
        pooled.invalidate()
        if died:
            raise Dropped("the connection died during the read") from err
        raise
    finally:
        pooled.close()
    return row


def _compiled(statement, engine: Engine):
    """The statement compiled for the engine's dialect (once a connection has set it up)."""
    key = (statement, engine.dialect.name)
    if key not in _COMPILED:
        _COMPILED[key] = statement.compile(dialect=engine.dialect)
    return _COMPILED[key]


def _dropped(err: DBAPIError):
    """503 for a connection lost mid-request; any other database error stays a 500."""
    if not err.connection_invalidated:
        raise err
    return to_response(Unavailable(DROPPED, headers={"Retry-After": "1"}))


def register(app: Flask) -> None:
    app.register_error_handler(DBAPIError, _dropped)
