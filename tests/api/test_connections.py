"""A database connection the server dropped: the next request still gets a clean answer.

The pool no longer pings the database on each checkout (api/connections.py): a connection the
server closed is recognised by its socket instead. These tests end connections the way a
PostgreSQL restart or an administrator does (pg_terminate_backend). A SQLite file has no
server to drop a connection, so there is nothing to test there.
"""

import time

import psycopg
import pytest
from sqlalchemy import bindparam, create_engine, event, select, text

from api import connections
from api.extensions import db
from api.models import User
from tests.factories import change


@pytest.fixture
def admin(app):
    """A connection of its own to the same database, to end the app's connections from."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("only a database server can drop a connection; a SQLite file cannot")
    engine = create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def end_backends(admin, which: str, params: dict | None = None) -> int:
    """pg_terminate_backend the server processes of pg_stat_activity matching `which`, and wait
    until they are gone: pg_terminate_backend only signals them, and until a process exits, its
    connection is not closed yet but about to be (a request that uses it then is a drop during a
    request, tested apart). How many there were."""
    rows = f"FROM pg_stat_activity WHERE {which}"
    ended = admin.execute(text(f"SELECT pg_terminate_backend(pid) {rows}"), params).all()
    deadline = time.monotonic() + 10
    while admin.scalar(text(f"SELECT count(*) {rows}"), params) and time.monotonic() < deadline:
        time.sleep(0.02)
    return len(ended)


def end_app_connections(admin) -> int:
    """End every other connection to this database (the app's pool)."""
    return end_backends(admin, "datname = current_database() AND pid <> pg_backend_pid()")


def test_a_connection_dropped_between_requests_is_replaced_unseen(admin, client, auth):
    assert auth.register().status_code == 201
    assert client.post("/api/v1/sync", json={"cursor": None, "changes": []}).status_code == 200
    db.session.remove()  # the request's connection is back in the pool, idle
    assert end_app_connections(admin) >= 1
    for _ in range(3):
        res = client.post("/api/v1/sync", json={"cursor": None, "changes": []})
        assert res.status_code == 200, res.json


def test_a_connection_dropped_during_a_request_answers_503_then_recovers(admin, client, auth):
    assert auth.register().status_code == 201
    db.session.remove()

    dropped = []

    def drop_own_connection(conn, _cursor, statement, *_):
        # The request's first statement through SQLAlchemy, after the read of its session
        # (connections.first_row, on the driver itself): the read of the stored rows.
        if not dropped:
            dropped.append(statement)
            pid = conn.connection.dbapi_connection.info.backend_pid
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    event.listen(db.engine, "before_cursor_execute", drop_own_connection)
    res = client.post("/api/v1/sync", json={"cursor": None, "changes": [change("knots")]})
    event.remove(db.engine, "before_cursor_execute", drop_own_connection)
    assert dropped and res.status_code == 503
    assert res.json["message"].startswith("The connection to the database dropped.")
    assert res.headers["Retry-After"] == "1"
    db.session.remove()
    res = client.post("/api/v1/sync", json={"cursor": None, "changes": []})
    assert res.status_code == 200, res.json
    assert res.json["changes"] == []  # the knot of the request that failed was not stored


def test_a_connection_dropped_during_the_read_of_the_session_is_replaced_unseen(
    admin, client, auth
):
    """The glance's read (connections.first_row) on a connection that dies under it: the
    connection is thrown away and the full path reads the session again on another one."""
    assert auth.register().status_code == 201
    stored = client.post("/api/v1/sync", json={"cursor": None, "changes": []}).json
    db.session.remove()
    dropped = []

    def drop_when_lent(dbapi_connection, *_):
        # After the pool's own check (api/connections.py) passed: the read itself meets it.
        if not dropped:
            dropped.append(dbapi_connection.info.backend_pid)
            end_backends(admin, "pid = :pid", {"pid": dropped[0]})

    event.listen(db.engine, "checkout", drop_when_lent)
    try:
        res = client.post("/api/v1/sync", json={"cursor": stored["cursor"], "changes": []})
    finally:
        event.remove(db.engine, "checkout", drop_when_lent)
    assert dropped
    assert res.status_code == 200, res.json
    assert res.json["cursor"] == stored["cursor"]
    alive = text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
    assert admin.scalar(alive, {"pid": dropped[0]}) == 0  # the lent connection was ended
    for _ in range(2):
        res = client.post("/api/v1/sync", json={"cursor": stored["cursor"], "changes": []})
        assert res.status_code == 200, res.json


def test_a_read_that_fails_otherwise_lends_its_connection_to_no_one(admin, app):
    """A first_row read that fails for another reason than its connection (here the SQL) raises
    that error, and its connection, left in autocommit, is closed rather than pooled again:
    lent again, it would run the next request's transaction as separate writes."""
    db.session.remove()
    db.engine.dispose()  # an empty pool: the read's connection is its only one
    with pytest.raises(psycopg.errors.DivisionByZero):
        connections.first_row(db.engine, text("SELECT 1 / 0 AS x"), {})
    with db.engine.connect() as conn:
        assert conn.connection.driver_connection.autocommit is False
        assert conn.execute(text("SELECT 1")).scalar() == 1


def test_a_read_sends_the_statement_s_own_constants_too(app, auth):
    """first_row sends the constants a statement holds (here a compared value and a LIMIT)
    beside the values it is given, on either database."""
    assert auth.register().status_code == 201
    users = User.__table__
    statement = (
        select(users.c.email, users.c.sync_seq)
        .where(users.c.email == bindparam("email"), users.c.timezone != "Nowhere/Atlantis")
        .limit(1)
    )
    row = connections.first_row(db.engine, statement, {"email": "ana@example.org"})
    assert (row.email, row.sync_seq) == ("ana@example.org", 0)
    assert connections.first_row(db.engine, statement, {"email": "nobody@example.org"}) is None
